/**
 * The official roster page (值班表) for print: title, duty phone and fax, one
 * row per duty day with 星期 or the holiday's name, leader, officers and
 * standby with phones, marks for 法定节假日 and 调休上班, notes, version,
 * issue date and the sign-off block. Month in portrait; several shifts a day
 * (a wide grid) in landscape.
 */
import { useTranslation } from 'react-i18next';
import type { RosterPrintData, RosterPrintPerson } from '../../../shared/contract/roster';
import '../../styles/print-fonts.css';
import './print.css';
import { RosterSheetFooter } from './RosterSheetFooter';
import { RosterDayCells, RosterSheetHead } from './RosterSheetParts';

function People({ list }: { list: RosterPrintPerson[] }) {
  return (
    <>
      {list.map((p, i) => (
        <span className="person" key={i}>
          {p.name}
          {p.phone ? ` ${p.phone}` : ''}
        </span>
      ))}
    </>
  );
}

export function RosterSheet({ data }: { data: RosterPrintData }) {
  const { t } = useTranslation();
  // Lines the table needs (a cell with two people takes two): a month of single
  // entries fits one A4 page in the compact density, which is used as soon as the normal one would spill.
  const lines = data.rows.reduce((n, r) => n + Math.max(1, r.leader.length, r.officer.length, r.standby.length), 0);
  const density = lines > 22 ? (lines > 36 ? ' dense' : ' compact') : '';
  return (
    <article className={`dd-roster-sheet${data.multiShift ? ' landscape' : ''}${density}`} data-testid="roster-sheet" data-lines={lines}>
      <RosterSheetHead data={data} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('roster.printView.date')}</th>
            <th scope="col">{t('roster.printView.weekday')}</th>
            {data.multiShift && <th scope="col">{t('roster.shift')}</th>}
            <th scope="col">{t('roster.printView.leader')}</th>
            <th scope="col">{t('roster.printView.officer')}</th>
            <th scope="col">{t('roster.printView.standby')}</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={`${r.date}-${r.shiftName}`} className={r.dayType === 'holiday' ? 'holiday' : undefined}>
              <RosterDayCells r={r} multiShift={data.multiShift} />
              <td>
                <People list={r.leader} />
              </td>
              <td>
                <People list={r.officer} />
              </td>
              <td>
                <People list={r.standby} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <RosterSheetFooter data={data} />
    </article>
  );
}
