/**
 * File a report of the chain (首报 / 续报N / 终报), prefilled from the template.
 */
import { DateTimeField } from '../../components/DateFields/DateFields';
import { useEffect, useState } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call, useApiQuery } from '../../api';
import { reportMethods, type ReportKind, type ReportMethod } from '../../../shared/domain/incident';
import { useDesk, useNow } from '../../lib/desk-context';
import { errorText } from '../../lib/errors';
import { storedReportTitleIn } from '../../lib/incident-text';
import { fromLocalInput, toLocalInput } from '../../lib/local-input';

export function ReportForm({ incidentId, kind, onClose }: { incidentId: number; kind: ReportKind; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { tz } = useDesk();
  const now = useNow(60_000);
  const tpl = useApiQuery('report.template', { incidentId, kind }, { staleTime: Infinity });
  const [content, setContent] = useState('');
  const [recipient, setRecipient] = useState('');
  const [method, setMethod] = useState<ReportMethod>(kind === 'first' ? 'phone' : 'written');
  const [sentAt, setSentAt] = useState('');
  const [signedBy, setSignedBy] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (tpl.data) {
      setContent(tpl.data.content);
      setRecipient(tpl.data.recipient);
    }
  }, [tpl.data]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const at = sentAt ? fromLocalInput(sentAt, tz) : null;
      await call('report.file', {
        incidentId,
        kind,
        content,
        recipient,
        method,
        ...(at ? { sentAt: at } : {}),
        signedBy: signedBy || null,
      });
      onClose();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} size="xl" title={t('incidents.detail.fileReport', { title: storedReportTitleIn(i18n.language, tpl.data?.title ?? '') })}>
      <Stack gap="xs" data-testid="report-form">
        <SimpleGrid cols={2} spacing="xs">
          <TextInput
            label={t('incidents.detail.recipient')}
            required
            value={recipient}
            onChange={(e) => setRecipient(e.currentTarget.value)}
            data-autofocus
          />
          <Select
            label={t('incidents.detail.method')}
            data={reportMethods.map((m) => ({ value: m, label: t(`incidents.method.${m}`) }))}
            value={method}
            allowDeselect={false}
            onChange={(m) => m && setMethod(m as ReportMethod)}
            data-testid="report-method"
          />
          <DateTimeField
            label={t('incidents.detail.sentAt')}
            placeholder={toLocalInput(now, tz)}
            value={sentAt}
            onChange={(v: string) => setSentAt(v)}
            description={t('log.now')}
          />
          <TextInput label={t('incidents.detail.signedBy')} value={signedBy} onChange={(e) => setSignedBy(e.currentTarget.value)} />
        </SimpleGrid>
        <Textarea
          label={t('incidents.detail.reportContent')}
          autosize
          minRows={10}
          maxRows={24}
          value={content}
          onChange={(e) => setContent(e.currentTarget.value)}
        />
        {error && (
          <Text c="red" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={busy} disabled={!content.trim() || !recipient.trim()}>
            {t('incidents.detail.fileReport', { title: storedReportTitleIn(i18n.language, tpl.data?.title ?? '') })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
