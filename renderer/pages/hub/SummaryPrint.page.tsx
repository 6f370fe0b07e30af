/**
 * The district's 汇总 sheet for a date (`#/print/summary/:date`): every desk
 * with its link, who is on duty with phones, the daily report column, the
 * day's presence checks and open incidents; page x of y, printed at,
 * signature lines — the official print look every desk printout shares.
 */
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatTime } from '../../lib/format';
import { errorText } from '../../lib/errors';
import { PrintToolbar } from '../../components/Print/PrintButton';
import '../../styles/print-fonts.css';
import '../../styles/official-print.css';
import './summary-print.css';
import { useHubQuery } from './hub-api';
import { useHub } from './hub-context';
import { personLine, reportText } from './Board.page';
import { PetitionLevelTable } from './Petitions.page';

export function SummaryPrintPage() {
  const { date = '' } = useParams();
  const { t } = useTranslation();
  const { status, tz, clockOffset } = useHub();
  const q = useHubQuery('hub.board', { date });
  const petitions = useHubQuery('hub.petitions', { from: date, to: date });
  if (q.error) return <p role="alert">{errorText(t, q.error)}</p>;
  if (!q.data || !petitions.data) return null;
  const [y, m, d] = date.split('-').map(Number);
  return (
    <div className="dd-official dd-hub-summary" data-testid="summary-print">
      <h1>{t('hub.summary.title', { hub: status.hubName })}</h1>
      <div className="meta">
        <span>{t('hub.summary.date', { date: `${y}年${m}月${d}日` })}</span>
        <span>{t('hub.summary.printedAt', { at: formatDateTime(Date.now() + clockOffset, tz) })}</span>
      </div>
      <table>
        <thead>
          <tr>
            <th style={{ width: '12mm' }} className="nowrap">{t('hub.summary.no')}</th>
            <th style={{ width: '32mm' }}>{t('hub.board.desk')}</th>
            <th style={{ width: '22mm' }}>{t('hub.board.link')}</th>
            <th>{t('hub.board.duty')}</th>
            <th style={{ width: '32mm' }}>{t('hub.board.dailyReport')}</th>
            <th style={{ width: '40mm' }}>{t('hub.board.checks')}</th>
          </tr>
        </thead>
        <tbody>
          {q.data.desks.map((x, i) => (
            <tr key={x.deskId} className={!x.online ? 'offline' : undefined}>
              <td className="c">{i + 1}</td>
              <td>{x.unitName}</td>
              <td>{x.revoked ? t('hub.board.revoked') : x.online ? t('hub.board.online') : x.lastSeenAt ? t('hub.board.offline', { at: formatDateTime(x.lastSeenAt, tz) }) : t('hub.board.never')}</td>
              <td>
                {!x.duty || x.duty.shifts.length === 0
                  ? t('hub.board.noDuty')
                  : x.duty.shifts.map((s) => (
                      <div key={`${s.shiftName}${s.start}`}>
                        {t('hub.board.leader')}：{personLine(s.leader) || '—'}；{t('hub.board.officer')}：{personLine(s.officer) || '—'}
                      </div>
                    ))}
              </td>
              <td className={x.dailyReport.state === 'filed' ? undefined : 'missed'}>{reportText(t, x, tz)}</td>
              <td>
                {x.checks.length === 0
                  ? '—'
                  : x.checks.map((c) => (
                      <div key={c.version} className={c.outcome === 'missed' ? 'missed' : undefined}>
                        {formatTime(c.sentAt, tz)} {t(`hub.outcome.${c.outcome}`)}
                        {c.answer ? `（${c.answer.answeredBy}，${c.answer.seconds} 秒）` : ''}
                      </div>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('hub.summary.petitions')}</h2>
      <PetitionLevelTable data={petitions.data} official />
      <p className="note">{t('hub.petitions.note')}</p>
      <div className="sign">
        <span>{t('hub.summary.signOfficer')}</span>
        <span>{t('hub.summary.signReviewer')}</span>
      </div>
      <PrintToolbar fallback="/" />
    </div>
  );
}
