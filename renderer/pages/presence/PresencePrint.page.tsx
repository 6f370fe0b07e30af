/**
 * The printed monthly presence-check statistics (`#/print/presence/:month`, A4):
 * checks received, checks made by unit with answer rate and 漏岗 / 脱岗, and the
 * month's register.
 */
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { formatDateTime } from '../../lib/format';
import { errorText } from '../../lib/errors';
import { LiveChainHeadStamp } from '../../components/ChainHead/ChainHead';
import { PrintToolbar } from '../../components/Print/PrintButton';
import '../../styles/print-fonts.css';
import '../../styles/official-print.css';
import '../reports/report-print.css';

export function PresencePrintPage() {
  const { month } = useParams();
  const { t } = useTranslation();
  const q = useApiQuery('presence.stats', { month: month ?? '' });
  if (q.error) return <p role="alert">{errorText(t, q.error)}</p>;
  if (!q.data) return null;
  const s = q.data;
  const [y, m] = s.month.split('-').map(Number);
  return (
    <div className="dd-official dd-report-print" data-testid="presence-print-page">
      <h1>{t('presence.statsTitle', { unit: s.unitName, y, m })}</h1>
      <p>{t('presence.receivedSummary', s.received)}</p>
      <p>{t('presence.madeSummary', { ...s.made, rate: s.made.answerRate === null ? '—' : `${s.made.answerRate}%` })}</p>
      <table>
        <thead>
          <tr>
            {(['unit', 'checks', 'answered', 'rate', 'missed', 'left'] as const).map((c) => (
              <th key={c}>{t(`presence.col.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {s.byUnit.map((u) => (
            <tr key={u.unitName}>
              <td>{u.unitName}</td>
              <td className="c">{u.checks}</td>
              <td className="c">{u.answered}</td>
              <td className="c">{u.answerRate === null ? '—' : `${u.answerRate}%`}</td>
              <td className="c">{u.missed}</td>
              <td className="c">{u.left}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('presence.register')}</h2>
      <table>
        <tbody>
          {s.checks.map((c) => (
            <tr key={c.id}>
              <td className="c">{formatDateTime(c.at, s.timeZone)}</td>
              <td className="c">{t(`presence.direction.${c.direction}`)}</td>
              <td>{c.direction === 'made' ? c.unitName : c.checker}</td>
              <td className="c">{c.answered ? t('presence.answered') : t('presence.notAnswered')}</td>
              <td>{[c.postState ? t(`presence.post.${c.postState}`) : '', c.followUp ?? ''].filter(Boolean).join('；')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="foot">
        <LiveChainHeadStamp />
      </div>
      <PrintToolbar fallback="/presence" />
    </div>
  );
}
