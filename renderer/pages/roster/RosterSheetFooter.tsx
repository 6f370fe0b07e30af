/**
 * The foot of every printed roster: notes, version and issue date, the
 * approval block, and the audit chain head at print time (later tampering
 * with the records becomes detectable).
 */
import { useTranslation } from 'react-i18next';
import type { RosterPrintData } from '../../../shared/contract/roster';
import { LiveChainHeadStamp } from '../../components/ChainHead/ChainHead';

export function RosterSheetFooter({ data }: { data: RosterPrintData }) {
  const { t } = useTranslation();
  return (
    <div className="dd-roster-foot">
      <p className="notes">{t('roster.printView.notes')}</p>
      {data.notes && <p className="notes">{data.notes}</p>}
      <div className="sign">
        <span>
          {t('roster.printView.version')}
          {t('common.colon')}{data.version > 0 ? t('roster.version', { version: data.version }) : t('roster.draft')}
          {t('common.gap')}
          {t('roster.printView.issuedOn')}
          {t('common.colon')}{data.issuedOn ?? '—'}
        </span>
        <span>{t('roster.printView.approval')}</span>
      </div>
      <div style={{ marginTop: '3mm', display: 'flex', justifyContent: 'flex-end' }}>
        <LiveChainHeadStamp />
      </div>
    </div>
  );
}
