/**
 * A printed 台账 (`#/print/ledger?source=&state=&ownerUnit=&query=`): A4
 * landscape, every item of the view with its 挂号 number, dates, owner,
 * deadline (and extensions), latest progress, state (超期未销号 in bold) and
 * 销号 date and who; the hazard ledger with place, level, measures and 整改.
 */
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import type { LedgerFilter } from '../../../shared/contract';
import { ledgerFilter } from '../../../shared/contract/ledger';
import { LiveChainHeadStamp } from '../../components/ChainHead/ChainHead';
import { PrintToolbar } from '../../components/Print/PrintButton';
import { useDesk, useNow } from '../../lib/desk-context';
import { errorText } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { stateKey } from './Ledger.page';
import '../../styles/print-fonts.css';
import '../../styles/official-print.css';
import '../../styles/register-print.css';

export function LedgerPrintPage() {
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const { tz } = useDesk();
  const now = useNow(60_000);
  const parsed = ledgerFilter.safeParse(Object.fromEntries(params.entries()));
  const filter: LedgerFilter = parsed.success ? parsed.data : {};
  const q = useApiQuery('ledger.sheet', filter);
  if (q.error) return <p role="alert">{errorText(t, q.error)}</p>;
  const s = q.data;
  if (!s) return null;
  const hazard = filter.source === 'hazard';
  return (
    <>
    <PrintToolbar title={`${s.unitName}${s.title}`} fallback="/ledger" />
    <div className="dd-official dd-register-print" data-testid="ledger-print-page">
      <h1>
        {s.unitName}
        {s.title}
      </h1>
      <div className="meta">
        <span>{t('ledger.counts', { ...s.counts, open: s.counts.open - s.counts.overdue })}</span>
        <span>{s.filterText}</span>
      </div>
      <table>
        <thead>
          <tr>
            <th style={{ width: '20mm' }}>{t('ledger.no')}</th>
            <th style={{ width: '19mm' }}>{t('ledger.enteredDate')}</th>
            {hazard ? (
              <>
                <th style={{ width: '26mm' }}>{t('ledger.hazardPlace')}</th>
                <th>{t('ledger.hazardTitle')}</th>
                <th style={{ width: '15mm' }}>{t('ledger.hazardLevelLabel')}</th>
                <th>{t('ledger.measures')}</th>
              </>
            ) : (
              <>
                <th style={{ width: '20mm' }}>{t('ledger.sourceLabel')}</th>
                <th>{t('ledger.titleLabel')}</th>
              </>
            )}
            <th style={{ width: '30mm' }}>{t('ledger.ownerUnit')}</th>
            <th style={{ width: '21mm' }}>{hazard ? t('ledger.hazardDeadline') : t('ledger.deadline')}</th>
            {!hazard && <th style={{ width: '45mm' }}>{t('ledger.lastNote')}</th>}
            {hazard && <th style={{ width: '15mm' }}>{t('ledger.rectifyLabel')}</th>}
            <th style={{ width: '18mm' }}>{t('ledger.stateLabel')}</th>
            <th style={{ width: '24mm' }}>
              {t('ledger.closedAt')} / {t('ledger.closedBy')}
            </th>
          </tr>
        </thead>
        <tbody>
          {s.items.length === 0 && (
            <tr>
              <td colSpan={10} className="c">
                {t('ledger.empty')}
              </td>
            </tr>
          )}
          {s.items.map((i) => (
            <tr key={i.id} className={i.overdue ? 'overdue' : undefined} data-testid="ledger-print-row">
              <td className="c">{i.no}</td>
              <td className="c">{i.enteredDate}</td>
              {hazard ? (
                <>
                  <td>{i.hazardPlace}</td>
                  <td>{i.title}</td>
                  <td className="c">{i.hazardLevel ? t(`ledger.hazardLevel.${i.hazardLevel}`) : ''}</td>
                  <td>{i.measures}</td>
                </>
              ) : (
                <>
                  <td>
                    {t(`ledger.source.${i.source}`)}
                    {i.sourceRef && <div>{i.sourceRef}</div>}
                  </td>
                  <td>{i.title}</td>
                </>
              )}
              <td>
                {i.ownerUnit}
                {i.ownerPerson && <div>{i.ownerPerson}</div>}
              </td>
              <td className="c">
                {i.deadline}
                {i.extensions > 0 && <div>{t('ledger.extensions', { n: i.extensions })}</div>}
              </td>
              {!hazard && <td>{i.lastNote}</td>}
              {hazard && <td className="c">{i.rectifyState ? t(`ledger.rectify.${i.rectifyState}`) : ''}</td>}
              <td className="c">{t(`ledger.stateText.${stateKey(i)}`)}</td>
              <td className="c">
                {i.closedAt ? formatDate(i.closedAt, tz) : ''}
                {i.closedBy && <div>{i.closedBy}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="sign">{t('ledger.printSign')}</div>
      <div className="foot">
        <span>
          {t('ledger.printedAt')}：{formatDateTime(now, tz)}
        </span>
        <LiveChainHeadStamp />
      </div>
    </div>
    </>
  );
}
