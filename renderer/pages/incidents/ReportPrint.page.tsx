/**
 * The printed 信息报告: one A4 page with an official look — red title,
 * issuing unit and number, 签发人, the report body, the sending facts and the
 * duty office's phone and fax. A late report says so on paper too.
 */
import { printText } from '../../lib/print-text';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { officialTime } from '../../../shared/domain/incident-report';
import { errorText } from '../../lib/errors';
import { LiveChainHeadStamp } from '../../components/ChainHead/ChainHead';
import { PrintToolbar } from '../../components/Print/PrintButton';
import '../../styles/print-fonts.css';

const css = `
@page report { size: A4 portrait; margin: 22mm 24mm 20mm 26mm;
  @bottom-center { content: '第 ' counter(page) ' 页 共 ' counter(pages) ' 页'; font-family: var(--dd-font-fangsong); font-size: 10pt; } }
.dd-report { page: report; font-family: var(--dd-font-fangsong); color: #000; background: #fff;
  max-width: 160mm; margin: 0 auto; padding: 8mm 0; font-size: 16pt; line-height: 1.6; }
@media print { .dd-report { padding: 0; } }
.dd-report h1 { font-family: var(--dd-font-song); color: #c00; text-align: center; font-size: 26pt; letter-spacing: 4pt; margin: 0 0 2mm; }
.dd-report .kind { text-align: center; font-size: 18pt; margin: 0 0 4mm; }
.dd-report .meta { display: flex; justify-content: space-between; font-size: 13pt; border-bottom: 2px solid #c00; padding-bottom: 2mm; margin-bottom: 5mm; }
.dd-report h2 { font-size: 18pt; text-align: center; margin: 0 0 4mm; font-family: var(--dd-font-hei); }
.dd-report .body { white-space: pre-wrap; text-indent: 0; text-align: justify; }
.dd-report .closing { margin-top: 6mm; border-top: 1px solid #000; padding-top: 2mm; display: flex; justify-content: space-between; align-items: flex-start; gap: 4mm; break-inside: avoid; page-break-inside: avoid; }
.dd-report .facts { font-size: 13pt; }
.dd-report .late { color: #c00; font-weight: bold; border: 2px solid #c00; display: inline-block; padding: 0 3mm; margin-left: 3mm; }
@media print { .dd-noprint { display: none; } }
`;

export function ReportPrintPage() {
  const { reportId } = useParams();
  const { t: ui, i18n } = useTranslation();
  // The paper is an official Chinese document sent to the higher office: Chinese whatever the screen's language
  // (its text is the filed Chinese report). Only an error on the screen follows the UI language.
  const t = i18n.getFixedT('zh-CN');
  const q = useApiQuery('report.get', { id: Number(reportId) });
  if (q.error) return <p role="alert">{errorText(ui, q.error)}</p>;
  if (!q.data) return null;
  const { report: r, incident: inc, unitName, dutyPhone, fax, timeZone: tz } = q.data;
  return (
    <>
    <PrintToolbar title={`${unitName}${t('incidents.print.heading')}（${r.title}）`} fallback={`/incidents/${r.incidentId}`} />
    <div className="dd-report" data-testid="report-print">
      <style>{css}</style>
      <h1>{t('incidents.print.heading')}</h1>
      <p className="kind">（{r.title}）</p>
      <div className="meta">
        <span>
          {t('incidents.print.unit')}：{unitName}
        </span>
        <span>
          {t('incidents.print.signedBy')}：{r.signedBy ?? '　　　　'}
        </span>
      </div>
      <div className="meta" style={{ borderBottom: 'none', marginBottom: '2mm' }}>
        <span>
          {t('incidents.print.no')}：{inc.no}-{r.id}
        </span>
        <span>
          {t('incidents.print.recipient')}：{r.recipient}
        </span>
      </div>
      <h2>{inc.title}</h2>
      <div className="body">{printText(r.content)}</div>
      {/* The sending facts and the audit chain head stay together (never the stamp alone on a page). */}
      <div className="closing">
        <div className="facts">
          <div>
            {t('incidents.print.sentAt')}
            {t('common.colon')}
            {officialTime(r.sentAt, tz)}
            {t('common.gap')}
            {t('incidents.print.method')}
            {t('common.colon')}
            {t(`incidents.method.${r.method}`)}
            {r.late && <span className="late">{t('incidents.print.late')}</span>}
          </div>
          <div>
            {t('incidents.print.recordedBy')}
            {t('common.colon')}
            {r.recordedBy}
          </div>
          <div>
            {t('incidents.print.dutyPhone')}
            {t('common.colon')}
            {dutyPhone ?? '—'}
            {t('common.gap')}
            {t('incidents.print.fax')}
            {t('common.colon')}
            {fax ?? '—'}
          </div>
        </div>
        {/* The audit chain head at print time: later tampering with the records becomes detectable. */}
        <LiveChainHeadStamp />
      </div>
    </div>
    </>
  );
}
