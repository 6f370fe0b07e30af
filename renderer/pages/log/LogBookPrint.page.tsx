/**
 * The printed 值班记录 of one duty day (`#/print/log/:dutyDate`): the paper
 * logbook's page — unit and date, who was on duty, every entry with its
 * handling (voided entries struck through, with their reason), the
 * incidents, signature lines, page x of y and the audit chain head.
 */
import { printText } from '../../lib/print-text';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import type { LogEntry } from '../../../shared/contract';
import { formatDateTime, formatTime, localDate, weekdayOfDate } from '../../lib/format';
import { errorText } from '../../lib/errors';
import { LiveChainHeadStamp } from '../../components/ChainHead/ChainHead';
import { useNow } from '../../lib/desk-context';
import '../../styles/print-fonts.css';
import '../../styles/official-print.css';
import './logbook-print.css';
import { PrintToolbar } from '../../components/Print/PrintButton';
import { effectiveFollowUp } from '../../../shared/domain/log-handling';
import type { Language } from '../../../shared/i18n';

export function LogBookPrintPage() {
  const { dutyDate } = useParams();
  const { t, i18n } = useTranslation();
  const now = useNow(60_000);
  const q = useApiQuery('log.book', { dutyDate: dutyDate ?? '' });
  if (q.error) return <p role="alert">{errorText(t, q.error)}</p>;
  if (!q.data) return null;
  const b = q.data;
  const tz = b.timeZone;
  const [y, m, d] = b.dutyDate.split('-').map(Number);
  const names = (role: 'leader' | 'officer' | 'standby') =>
    b.shifts
      .flatMap((s) => s[role])
      .map((p) => (p.mobile ? `${p.name}（${p.mobile}）` : p.name))
      .join('、') || '—';
  // An entry turned into an incident prints its handling from the incident's reports, escalation and instructions.
  const handling = (e: LogEntry) => {
    const f = { ...e, ...effectiveFollowUp(e, i18n.language === 'en' ? 'en' : ('zh-CN' as Language), tz) };
    return (['reportedTo', 'proposal', 'instruction', 'outcome'] as const)
      .filter((k) => f[k])
      .map((k) => `${t(`log.book.handling.${k}`)}${t('log.book.colon')}${f[k]}`)
      .concat(e.handler ? [`${t('log.handler')}${t('log.book.colon')}${e.handler}${e.handledAt ? ` ${formatDateTime(e.handledAt, tz)}` : ''}`] : []);
  };
  return (
    <>
    <PrintToolbar title={`${b.unitName}${t('log.book.printTitle')} ${b.dutyDate}`} fallback={`/log?date=${b.dutyDate}`} />
    <div className="dd-official dd-logbook-print" data-testid="logbook-print-page">
      <h1>
        {b.unitName}
        {t('log.book.printTitle')}
      </h1>
      <div className="meta">
        <span>
          {t('log.book.dutyDay')}{t('log.book.colon')}
          {t('log.book.printDay', {
            date: `${y}年${m}月${d}日`,
            weekday: weekdayOfDate(b.dutyDate),
            holiday: b.day.holidayName ? `（${b.day.holidayName}）` : '',
            from: formatTime(b.startsAt, tz),
            to: formatTime(b.endsAt, tz),
          })}
        </span>
        <span>
          {t('incidents.print.dutyPhone')}{t('log.book.colon')}{b.dutyPhone ?? '—'}
        </span>
      </div>
      <div className="meta">
        <span>
          {t('log.book.leader')}{t('log.book.colon')}{names('leader')}
        </span>
      </div>
      <div className="meta">
        <span>
          {t('log.book.officer')}{t('log.book.colon')}{names('officer')}
          {'　'}
          {t('log.book.standby')}{t('log.book.colon')}{names('standby')}
        </span>
      </div>
      <table>
        <thead>
          <tr>
            <th style={{ width: '15mm' }}>{t('log.book.colTime')}</th>
            <th style={{ width: '12mm' }}>{t('log.book.colKind')}</th>
            <th style={{ width: '38mm' }}>{t('log.book.colSource')}</th>
            <th>
              {t('log.book.colSummary')} / {t('log.book.colHandling')}
            </th>
            <th style={{ width: '17mm' }}>{t('log.book.colRecorder')}</th>
          </tr>
        </thead>
        <tbody>
          {b.entries.length === 0 && (
            <tr>
              <td colSpan={5} className="c">
                {t('log.book.printNone')}
              </td>
            </tr>
          )}
          {b.entries.map((e) => (
            <tr key={e.id} className={e.voided ? 'voided' : undefined} data-testid="logbook-print-row">
              <td className="c">
                {localDate(e.occurredAt, tz) !== b.dutyDate && <div style={{ fontSize: '8pt' }}>{t('log.book.nextDayMark')}</div>}
                {formatTime(e.occurredAt, tz)}
              </td>
              <td className="c">{t(`log.kind.${e.kind}`)}</td>
              <td>
                {[e.sourceUnit, e.sourcePerson].filter(Boolean).join(' ')}
                {e.sourcePhone && <div style={{ whiteSpace: 'nowrap' }}>{e.sourcePhone}</div>}
              </td>
              <td>
                <span className="summary">{printText(e.summary)}</span>
                {e.voided && (
                  <span className="void-mark">
                    {t('log.book.voidedMark')}{t('log.book.colon')}{e.voidReason}
                  </span>
                )}
                {e.detail && <div className="handling">{printText(e.detail)}</div>}
                {handling(e).map((h) => (
                  <div key={h} className="handling">
                    {printText(h)}
                  </div>
                ))}
              </td>
              <td className="c">{e.recordedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('log.book.printCount', { n: b.entries.length })}</p>
      {b.incidents.length > 0 && (
        <>
          <h2>{t('log.book.printIncidents')}</h2>
          {b.incidents.map((i) => (
            <div key={i.id}>
              {i.no}　{i.title}　{printText(t(`incidents.level.${i.level}`))}　{t(`incidents.status.${i.status}`)}
            </div>
          ))}
        </>
      )}
      <div className="sign">
        <span>{t('log.book.printSign')}</span>
      </div>
      <div className="foot">
        <span>
          {t('log.book.printedAt')}{t('log.book.colon')}{formatDateTime(now, tz)}
        </span>
        <LiveChainHeadStamp />
      </div>
    </div>
    </>
  );
}
