/**
 * Photos and scanned documents of an incident: stored by content hash in the
 * data folder (≤ 20 MB each), opened in the system viewer (a new window/tab
 * in browser mode), voided with a reason.
 */
import { useRef, useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import type { Attachment } from '../../../shared/contract';
import { attachmentMaxBytes } from '../../../shared/contract/incidents';
import { useDesk } from '../../lib/desk-context';
import { formatDateTime } from '../../lib/format';
import { openWithSystemViewer } from '../../lib/desktop';
import { extensionOf, macroCapableExtensions } from '../../../shared/ipc';
import { errorText } from '../../lib/errors';

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function AttachmentsPanel({ incidentId, attachments }: { incidentId: number; attachments: Attachment[] }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [voiding, setVoiding] = useState<number | null>(null);
  const [reason, setReason] = useState('');

  const add = async (files: FileList | null) => {
    setError(null);
    if (!files) return;
    setBusy(true);
    try {
      for (const f of Array.from(files)) {
        if (f.size > attachmentMaxBytes) {
          setError(t('incidents.errors.attachmentTooLarge', { mb: 20 }));
          continue;
        }
        await call('incident.attach', {
          incidentId,
          name: f.name,
          mime: f.type || 'application/octet-stream',
          dataBase64: await toBase64(f),
        });
      }
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const open = async (a: Attachment) => {
    try {
      if ((macroCapableExtensions as readonly string[]).includes(extensionOf(a.name))) {
        // A .doc/.xls from outside can run macros: not opened from the desk.
        setError(t('incidents.errors.macroWarning', { ext: extensionOf(a.name) }));
        return;
      }
      const full = await call('incident.attachment', { id: a.id });
      // In the desktop app: the system viewer. In the browser (or for other types): a new tab.
      if (await openWithSystemViewer(a.name, full.dataBase64)) return;
      const bytes = Uint8Array.from(atob(full.dataBase64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: a.mime }));
      window.open(url, '_blank', 'noopener');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('incidents.detail.attachments')}</Title>
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            {t('incidents.detail.sizeLimit')}
          </Text>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            onChange={(e) => void add(e.currentTarget.files)}
            accept="image/*,application/pdf"
            aria-label={t('incidents.detail.attach')}
          />
          <Button size="xs" variant="light" loading={busy} onClick={() => input.current?.click()}>
            {t('incidents.detail.attach')}
          </Button>
        </Group>
      </Group>
      {attachments.length === 0 && <Text c="dimmed">{t('incidents.detail.noAttachments')}</Text>}
      <Stack gap={4}>
        {attachments.map((a) => (
          <Group key={a.id} justify="space-between" opacity={a.voided ? 0.55 : 1}>
            <Text size="sm" td={a.voided ? 'line-through' : undefined}>
              {a.name} · {(a.size / 1024).toFixed(0)} KB · {a.addedBy} {formatDateTime(a.addedAt, tz)}
            </Text>
            <Group gap={4}>
              {a.voided ? (
                <Badge color="gray">
                  {t('log.voided')}{t('common.colon')}{a.voidReason}
                </Badge>
              ) : (
                <>
                  <Button size="compact-xs" variant="subtle" onClick={() => void open(a)}>
                    {t('incidents.detail.open')}
                  </Button>
                  {voiding === a.id ? (
                    <>
                      <TextInput
                        size="xs"
                        placeholder={t('log.voidReason')}
                        value={reason}
                        onChange={(e) => setReason(e.currentTarget.value)}
                      />
                      <Button
                        size="compact-xs"
                        color="gray"
                        disabled={!reason.trim()}
                        onClick={() =>
                          void call('incident.voidAttachment', { id: a.id, reason })
                            .then(() => setVoiding(null))
                            .catch((e: unknown) => setError(errorText(t, e)))
                        }
                      >
                        {t('common.confirm')}
                      </Button>
                    </>
                  ) : (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="gray"
                      onClick={() => {
                        setVoiding(a.id);
                        setReason('');
                      }}
                    >
                      {t('log.void')}
                    </Button>
                  )}
                </>
              )}
            </Group>
          </Group>
        ))}
      </Stack>
      {error && (
        <Text c="red" role="alert">
          {error}
        </Text>
      )}
    </Paper>
  );
}
