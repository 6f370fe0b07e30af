/**
 * The report rules changed after this incident's deadlines were set: the page
 * says which deadlines it keeps and what today's rules would give, and a
 * leader or admin may re-apply them with a reason (audited). Met and overdue
 * deadlines never move.
 */
import { useState } from 'react';
import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import type { DeadlineDrift } from '../../../shared/contract/incidents';
import { useDesk, useHasRole } from '../../lib/desk-context';
import { formatDateTime } from '../../lib/format';
import { ReasonDialog } from '../../components/ReasonDialog/ReasonDialog';

export function DeadlineDriftAlert({ incidentId, drift }: { incidentId: number; drift: DeadlineDrift }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const canReapply = useHasRole('leader', 'admin');
  const [open, setOpen] = useState(false);
  const list = (xs: DeadlineDrift['current']) =>
    xs
      .map((x) => (x.dueAt ? `${t(`incidents.deadline.${x.kind}`)} ${formatDateTime(x.dueAt, tz)}${x.basis ? `${t('common.parenOpen')}${t(`incidents.deadlineBasis.${x.basis}`)}${t('common.parenClose')}` : ''}` : `${t(`incidents.deadline.${x.kind}`)} ${t('incidents.detail.driftNone')}`))
      .join(t('common.listSep'));
  return (
    <Alert color="yellow" title={t('incidents.detail.driftTitle')} data-testid="deadline-drift">
      <Text size="sm">{t('incidents.detail.drift', { current: list(drift.current), proposed: list(drift.proposed) })}</Text>
      {canReapply && (
        <Button size="xs" mt="xs" variant="light" color="yellow" onClick={() => setOpen(true)}>
          {t('incidents.detail.reapply')}
        </Button>
      )}
      {open && (
        <ReasonDialog
          title={t('incidents.detail.reapplyTitle')}
          label={t('incidents.detail.reapplyReason')}
          confirmLabel={t('incidents.detail.reapply')}
          onConfirm={(reason) => call('incident.reapplyDeadlines', { id: incidentId, reason })}
          onClose={() => setOpen(false)}
          testId="reapply-dialog"
        />
      )}
    </Alert>
  );
}
