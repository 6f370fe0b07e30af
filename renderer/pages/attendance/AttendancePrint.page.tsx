/**
 * The printed monthly attendance sheet (`#/print/attendance/:month`, A4
 * landscape): one row per person, one column per duty day, the totals, the
 * legend, signature lines, page x of y and the audit chain head.
 */
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { attendanceStates, type AttendanceState } from '../../../shared/domain/attendance';
import { errorText } from '../../lib/errors';
import { LiveChainHeadStamp } from '../../components/ChainHead/ChainHead';
import { PrintToolbar } from '../../components/Print/PrintButton';
import '../../styles/print-fonts.css';
import '../../styles/official-print.css';
import './attendance-print.css';

const counted = attendanceStates.slice(0, 7);

export function AttendancePrintPage() {
  const { month } = useParams();
  const { t } = useTranslation();
  // 出勤 √ on paper as on screen: the check mark is served by the shipped 'DutyDesk Symbols' face (print-fonts.css).
  const short = (s: AttendanceState): string => t(`attendance.short.${s}`);
  const q = useApiQuery('attendance.month', { month: month ?? '' });
  if (q.error) return <p role="alert">{errorText(t, q.error)}</p>;
  if (!q.data) return null;
  const m = q.data;
  const [y, mo] = m.month.split('-').map(Number);
  return (
    <div className="dd-official dd-attendance-print" data-testid="attendance-print-page">
      <h1>{t('attendance.sheetTitle', { unit: m.unitName, y, m: mo })}</h1>
      <div className="meta">{t('attendance.grace', { n: m.rules.graceMinutes })}</div>
      <table>
        <thead>
          <tr>
            <th className="name">{t('attendance.name')}</th>
            {m.dates.map((d) => (
              <th key={d}>{Number(d.slice(8))}</th>
            ))}
            {counted.map((s) => (
              <th key={s}>{short(s)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {m.rows.length === 0 && (
            <tr>
              <td colSpan={m.dates.length + 1 + counted.length} className="c">
                {t('attendance.empty')}
              </td>
            </tr>
          )}
          {m.rows.map((r) => (
            <tr key={r.personId} data-testid="attendance-print-row">
              <td className="name">{r.name}</td>
              {m.dates.map((d) => (
                <td key={d} className="c">
                  {(r.cells[d] ?? []).map((c) => short(c.state)).join('/')}
                </td>
              ))}
              {counted.map((s) => (
                <td key={s} className="c">
                  {r.totals[s] ?? 0}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="legend">
        {t('attendance.legend')}：{attendanceStates.map((s) => `${short(s)} ${t(`attendance.state.${s}`)}`).join('　')}
      </p>
      <p>
        {t('attendance.total')}：{counted.map((s) => `${t(`attendance.state.${s}`)} ${m.totals[s] ?? 0}`).join('　')}
      </p>
      <div className="sign">{t('attendance.printSign')}</div>
      <div className="foot">
        <LiveChainHeadStamp />
      </div>
      <PrintToolbar fallback="/attendance" />
    </div>
  );
}
