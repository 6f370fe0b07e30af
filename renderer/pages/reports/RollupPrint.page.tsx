/**
 * The printed 值班周报 / 月报 (`#/print/report-rollup/:from/:to`, A4): the same
 * tables summed over the range, then each date's daily report and its state.
 */
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { formatDateTime } from '../../lib/format';
import { errorText } from '../../lib/errors';
import { LiveChainHeadStamp } from '../../components/ChainHead/ChainHead';
import { PrintToolbar } from '../../components/Print/PrintButton';
import { monthRange } from '../../../shared/time';
import { StatsPrintTable } from './StatsTable';
import '../../styles/print-fonts.css';
import '../../styles/official-print.css';
import './report-print.css';

export function RollupPrintPage() {
  const { from, to } = useParams();
  const { t } = useTranslation();
  const q = useApiQuery('dailyReport.rollup', { from: from ?? '', to: to ?? '' });
  if (q.error) return <p role="alert">{errorText(t, q.error)}</p>;
  if (!q.data) return null;
  const r = q.data;
  const m = monthRange(r.from.slice(0, 7));
  const title =
    m.from === r.from && m.to === r.to
      ? t('reports.monthlyTitle', { unit: r.unitName, y: Number(r.from.slice(0, 4)), m: Number(r.from.slice(5, 7)) })
      : r.days.length === 7
        ? t('reports.weeklyTitle', { unit: r.unitName, from: r.from, to: r.to })
        : t('reports.rollupTitle', { unit: r.unitName, from: r.from, to: r.to });
  return (
    <div className="dd-official dd-report-print" data-testid="rollup-print-page">
      <h1>{title}</h1>
      <StatsPrintTable s={r.stats} />
      <h2>{t('reports.daysTitle')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('reports.date')}</th>
            <th>{t('reports.kind.daily')}</th>
            <th>{t('reports.dueAt')}</th>
            <th>{t('reports.sentAt')}</th>
          </tr>
        </thead>
        <tbody>
          {r.days.map((d) => (
            <tr key={d.date}>
              <td className="c">{d.date}</td>
              <td className="c">
                {d.kind ? t(`reports.kind.${d.kind}`) : ''} {t(`reports.state.${d.state}`)}
              </td>
              <td className="c">{formatDateTime(d.dueAt, r.timeZone)}</td>
              <td className="c">
                {d.sentAt ? formatDateTime(d.sentAt, r.timeZone) : ''}
                {d.late ? ` ${t('reports.late')}` : d.overdue ? ` ${t('reports.overdue')}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="foot">
        <LiveChainHeadStamp />
      </div>
      <PrintToolbar fallback="/reports" />
    </div>
  );
}
