/**
 * What the month sheet and the department grid print alike: the head (title,
 * draft mark, unit, duty phone and fax) and each row's day cells (date, 星期
 * or the holiday's name with its mark, the shift where a day has several).
 */
import { useTranslation } from 'react-i18next';
import type { RosterPrintData, RosterPrintRow } from '../../../shared/contract/roster';
import { monthDay, weekdayLabel } from './lib';

export function RosterSheetHead({ data, subtitle }: { data: RosterPrintData; subtitle?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{data.title}</h1>
      {data.version === 0 && <p className="draft">{t('roster.printView.draftMark')}</p>}
      <div className="meta">
        <span>
          {data.unitName}
          {subtitle ? `${t('common.gap')}${subtitle}` : ''}
        </span>
        <span>
          {t('roster.printView.dutyPhone')}
          {t('common.colon')}
          {data.dutyPhone ?? '—'}
          {t('common.gap')}
          {t('roster.printView.fax')}
          {t('common.colon')}
          {data.fax ?? '—'}
        </span>
      </div>
    </>
  );
}

export function RosterDayCells({ r, multiShift }: { r: RosterPrintRow; multiShift: boolean }) {
  const { t } = useTranslation();
  const weekdays = t('roster.weekdays', { returnObjects: true }) as string[];
  return (
    <>
      <td className="c">{monthDay(r.date)}</td>
      <td className="c">
        {weekdayLabel({ weekday: r.weekday, type: r.dayType, holidayName: r.holidayName }, weekdays)}
        {r.dayType === 'holiday' && <span className="mark">{t('roster.printView.holidayMark')}</span>}
        {r.dayType === 'makeup' && <span className="mark">{t('roster.printView.makeupMark')}</span>}
      </td>
      {multiShift && <td className="c">{r.shiftName}</td>}
    </>
  );
}
