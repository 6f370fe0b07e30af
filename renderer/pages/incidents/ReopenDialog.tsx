/** Reopening a closed incident asks why; the reason goes on the timeline. */
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import type { IncidentStatus } from '../../../shared/domain/incident';
import { ReasonDialog } from '../../components/ReasonDialog/ReasonDialog';

export function ReopenDialog({ id, to, onClose }: { id: number; to: IncidentStatus; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ReasonDialog
      title={t('incidents.detail.reopenTitle')}
      label={t('incidents.detail.reopenReason')}
      confirmLabel={t('incidents.detail.moveTo', { status: t(`incidents.status.${to}`) })}
      onConfirm={async (reason) => {
        await call('incident.setStatus', { id, status: to, reason });
      }}
      onClose={onClose}
    />
  );
}
