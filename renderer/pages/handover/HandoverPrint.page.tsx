/**
 * The printed 交接班记录 (`#/print/handover/:dutyDate/:shiftId`, A4): unit, duty
 * day and shift change (白班 → 夜班 where the desk has shifts), both names and
 * both times, the shift's log by kind, open incidents, the
 * unfinished items and the instructions being followed up, the objects handed
 * over, both signature lines, the leader's acknowledgement of a late
 * acceptance, and the audit chain head at confirmation.
 */
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { logKinds } from '../../../shared/domain/log';
import { formatDateTime, weekdayOfDate } from '../../lib/format';
import { errorText } from '../../lib/errors';
import { ChainHeadStamp } from '../../components/ChainHead/ChainHead';
import { PrintToolbar } from '../../components/Print/PrintButton';
import { printText } from '../../lib/print-text';
import '../../styles/print-fonts.css';
import '../../styles/official-print.css';
import './handover-print.css';

export function HandoverPrintPage() {
  const { dutyDate, shiftId } = useParams();
  const { t } = useTranslation();
  const shift = Number(shiftId ?? '');
  const q = useApiQuery('handover.print', { dutyDate: dutyDate ?? '', ...(Number.isInteger(shift) && shift > 0 ? { shiftId: shift } : {}) });
  if (q.error) return <p role="alert">{errorText(t, q.error)}</p>;
  if (!q.data) return null;
  const { handover: h, snapshot: s, timeZone: tz, unitName, deskId, acknowledgement: ack } = q.data;
  // Written as the form writes it, 交班班次 / 接班班次 (an arrow is not in the shipped print faces' common subset).
  const change =
    s.shiftName && s.incoming && s.incoming.shiftName !== s.shiftName
      ? t('handover.printout.shiftChange', { from: s.shiftName, to: s.incoming.shiftName })
      : null;
  const [y, m, d] = s.dutyDate.split('-').map(Number);
  return (
    <div className="dd-official dd-handover-print" data-testid="handover-print-page">
      <h1>
        {unitName}
        {t('handover.printout.title')}
      </h1>
      <div className="meta">
        <span>
          {t('handover.printout.dutyDay')}：{y}年{m}月{d}日 {weekdayOfDate(s.dutyDate)}（{t('handover.printout.period', { from: formatDateTime(s.start, tz), to: formatDateTime(s.end, tz) })}）
        </span>
      </div>
      {change && (
        <div className="meta">
          <span data-testid="print-shift">{change}</span>
        </div>
      )}
      <div className="meta">
        <span>{t('handover.rostered', { leaders: s.leaders.join('、') || '—', officers: s.officers.join('、') || '—' })}</span>
      </div>
      <table>
        <tbody>
          <tr>
            <th style={{ width: '28mm' }}>{t('handover.printout.logCounts')}</th>
            <td>
              {t('handover.printout.total', { n: s.logTotal })}
              {logKinds.filter((k) => s.logCounts[k]).map((k) => `，${t(`log.kind.${k}`)} ${s.logCounts[k]}`).join('')}
            </td>
          </tr>
          <tr>
            <th>{t('handover.incidents')}</th>
            <td>
              {s.incidents.length === 0 && t('handover.none')}
              {s.incidents.map((i) => (
                <div key={i.id}>
                  {i.no} {i.title}（{printText(t(`incidents.level.${i.level}`))}，{t(`incidents.status.${i.status}`)}）
                  {i.nextDeadline ? `；${t(`incidents.deadline.${i.nextDeadline.kind}`)} ${formatDateTime(i.nextDeadline.dueAt, tz)}${i.nextDeadline.overdue ? t('handover.deadlineOverdue') : ''}` : ''}
                  {i.lastInstruction ? `；${t('due.latestInstruction')}：${i.lastInstruction}` : ''}
                </div>
              ))}
            </td>
          </tr>
          <tr>
            <th>{t('handover.section.title')}</th>
            <td data-testid="print-todos">
              {s.todos.length === 0 && t('handover.none')}
              {s.todos.map((td, i) => (
                <div key={td.id}>
                  {i + 1}. 【{t(`handover.todoKind.${td.kind}`)}】{td.text}（{td.dutyDate}，{td.createdBy}）
                </div>
              ))}
            </td>
          </tr>
          <tr>
            <th>{t('handover.instructions')}</th>
            <td>
              {s.instructions.length === 0 && t('handover.none')}
              {s.instructions.map((i) => (
                <div key={i.id}>
                  {i.leaderName}：{i.text}（{i.incidentNo}，{t(`leader.followUp.${i.state}`)}
                  {i.lastNote ? `：${i.lastNote}` : ''}）
                </div>
              ))}
            </td>
          </tr>
          <tr>
            <th>{t('handover.notes')}</th>
            <td>{h.content.notes ?? '—'}</td>
          </tr>
          <tr>
            <th>{t('handover.watchItems')}</th>
            <td>{h.content.watchItems ?? '—'}</td>
          </tr>
          <tr>
            <th>{t('handover.printout.objects')}</th>
            <td>
              {h.content.objects.map((o) => `${o.name}（${o.ok ? t('handover.printout.ok') : t('handover.printout.notOk')}${o.note ? `，${o.note}` : ''}）`).join('；') || '—'}
            </td>
          </tr>
        </tbody>
      </table>
      {ack && (
        <p data-testid="print-ack">
          {t('handover.printout.acknowledged', { name: ack.byName, time: formatDateTime(ack.at, tz), step: ack.stepIndex + 1, note: ack.note ? `：${ack.note}` : '' })}
        </p>
      )}
      <div className="sign">
        <div>{`${t('handover.printout.outgoingSign')} ${h.outgoingName ?? ''}　${h.submittedAt ? formatDateTime(h.submittedAt, tz) : ''}`}</div>
        <div>
          {`${t('handover.printout.incomingSign')} ${h.state === 'confirmed' ? (h.incomingName ?? '') : ''}　${
            h.confirmedAt ? `${formatDateTime(h.confirmedAt, tz)}　${h.confirmNote ?? ''}` : t('handover.printout.notConfirmed')
          }`}
        </div>
      </div>
      <div className="foot">
        {h.chainSeq !== null && h.chainHash ? <ChainHeadStamp head={{ deskId, seq: h.chainSeq, hash: h.chainHash }} /> : <span>{t('handover.printout.notConfirmed')}</span>}
      </div>
      <PrintToolbar fallback="/handover" />
    </div>
  );
}
