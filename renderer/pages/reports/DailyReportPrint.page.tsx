/**
 * The printed 值班日报 or 零报告 (`#/print/daily-report/:date`, A4): unit, report
 * period and deadline, the tables, the text, who drafted, reviewed and sent it
 * (late marked), and the audit chain head.
 */
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { formatDateTime } from '../../lib/format';
import { errorText } from '../../lib/errors';
import { LiveChainHeadStamp } from '../../components/ChainHead/ChainHead';
import { PrintToolbar } from '../../components/Print/PrintButton';
import { StatsPrintTable } from './StatsTable';
import '../../styles/print-fonts.css';
import '../../styles/official-print.css';
import './report-print.css';
import { printText } from '../../lib/print-text';

export function DailyReportPrintPage() {
  const { date } = useParams();
  const { t } = useTranslation();
  const q = useApiQuery('dailyReport.get', { date: date ?? '' });
  if (q.error) return <p role="alert">{errorText(t, q.error)}</p>;
  if (!q.data) return null;
  const v = q.data;
  const r = v.record;
  const tz = v.timeZone;
  const kind = r?.kind ?? (v.live.zero ? 'zero' : 'daily');
  const [y, m, d] = v.date.split('-').map(Number);
  return (
    <div className="dd-official dd-report-print" data-testid="daily-report-print-page">
      <h1>
        {v.unitName}
        {t(`reports.kind.${kind}`)}
      </h1>
      <div className="meta">
        <span>
          {t('reports.date')}：{y}年{m}月{d}日
        </span>
        <span>
          {t('reports.period')}：{t('reports.periodValue', { from: formatDateTime(v.periodStart, tz), to: formatDateTime(v.periodEnd, tz) })}
        </span>
      </div>
      <div className="meta">
        <span>
          {t('reports.dueAt')}：{formatDateTime(v.dueAt, tz)}
        </span>
        {r?.late && <span className="late-mark">{t('reports.late')}</span>}
      </div>
      <StatsPrintTable s={r?.stats ?? v.live} />
      <p className="summary">{printText(r?.summary ?? v.suggestedSummary)}</p>
      <div className="sign">
        {t('reports.printout.sign', {
          drafted: r?.draftedBy ?? '　　',
          reviewed: r?.reviewedBy ?? '　　',
          sent: r?.sentAt
            ? t('reports.printout.sentTo', { time: formatDateTime(r.sentAt, tz), method: t(`incidents.method.${r.method ?? 'written'}`), recipient: r.recipient ?? '' })
            : t('reports.printout.notSent'),
        })}
      </div>
      <div className="foot">
        <LiveChainHeadStamp />
      </div>
      <PrintToolbar fallback="/reports" />
    </div>
  );
}
