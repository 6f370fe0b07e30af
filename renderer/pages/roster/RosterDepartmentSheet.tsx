/**
 * The roster as a multi-department grid for print, A4 landscape.
 *
 * One row per duty day (per shift when a day has several), one column per
 * department, each cell the people of that department on duty with their role
 * and phone. The month sheet (RosterSheet) is the portrait layout.
 */
import { useTranslation } from 'react-i18next';
import type { RosterPrintData, RosterPrintPerson, RosterPrintRow } from '../../../shared/contract/roster';
import '../../styles/print-fonts.css';
import './print.css';
import { RosterSheetFooter } from './RosterSheetFooter';
import { RosterDayCells, RosterSheetHead } from './RosterSheetParts';

const roles = ['leader', 'officer', 'standby'] as const;

/** Departments in order of first appearance, leaders' rows first; people without one last. */
export function departmentsOf(rows: readonly RosterPrintRow[]): (string | null)[] {
  const seen: (string | null)[] = [];
  for (const role of roles) for (const r of rows) for (const p of r[role]) if (!seen.includes(p.department ?? null)) seen.push(p.department ?? null);
  return [...seen.filter((d) => d !== null), ...seen.filter((d) => d === null)];
}

export function RosterDepartmentSheet({ data }: { data: RosterPrintData }) {
  const { t } = useTranslation();
  const departments = departmentsOf(data.rows);
  const cell = (r: RosterPrintRow, dep: string | null) => {
    const out: { role: (typeof roles)[number]; p: RosterPrintPerson }[] = [];
    for (const role of roles) for (const p of r[role]) if ((p.department ?? null) === dep) out.push({ role, p });
    return out;
  };
  return (
    <article className="dd-roster-sheet landscape departments" data-testid="roster-sheet" data-layout="departments">
      <RosterSheetHead data={data} subtitle={t('roster.printView.byDepartment')} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('roster.printView.date')}</th>
            <th scope="col">{t('roster.printView.weekday')}</th>
            {data.multiShift && <th scope="col">{t('roster.shift')}</th>}
            {departments.map((d) => (
              <th scope="col" key={d ?? ''}>
                {d ?? t('roster.printView.noDepartment')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={`${r.date}-${r.shiftName}`} className={r.dayType === 'holiday' ? 'holiday' : undefined}>
              <RosterDayCells r={r} multiShift={data.multiShift} />
              {departments.map((d) => (
                <td key={d ?? ''}>
                  {cell(r, d).map(({ role, p }, i) => (
                    <span className="person" key={i}>
                      <span className="role">{t(`roster.printView.${role}`)}</span>
                      {p.name}
                      {p.phone ? ` ${p.phone}` : ''}
                    </span>
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <RosterSheetFooter data={data} />
    </article>
  );
}
