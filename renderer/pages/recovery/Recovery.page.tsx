/**
 * The recovery screen, shown instead of the login while the data file cannot
 * be opened at all (the core answers every method with `recovery.required`):
 * what is wrong, the last known chain head, the backups with their check, and
 * a restore confirmed by an administrator of the chosen backup. Once restored
 * the real desk runs in the same process: the app reloads its status and
 * shows the login.
 */
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Container,
  Group,
  Modal,
  PasswordInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiCallError, queryClient } from '../../api';
import { currentTransport } from '../../lib/transport';
import { errorText, fieldErrors } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { setLanguage } from '../../i18n';
import { overdueColor } from '../../theme';
import type {
  RecoveryBackup,
  RecoveryInput,
  RecoveryMethodName,
  RecoveryOutputs,
  RecoveryRestoreResult,
} from '../../../shared/contract/recovery';
import type { Language } from '../../../shared/i18n';

async function recoveryCall<M extends RecoveryMethodName>(method: M, input: RecoveryInput<M>): Promise<RecoveryOutputs[M]> {
  const r = await currentTransport().invoke(method, input, null);
  if (!r.ok) throw new ApiCallError(r.error);
  return r.value as RecoveryOutputs[M];
}

const shortHash = (h: string): string => `${h.slice(0, 4)} ${h.slice(4, 8)}`;

export function RecoveryPage() {
  const { t, i18n } = useTranslation();
  const status = useQuery({ queryKey: ['recovery.status'], queryFn: () => recoveryCall('recovery.status', {}), retry: false });
  const [chosen, setChosen] = useState<RecoveryBackup | null>(null);
  const st = status.data;
  /** Says what was restored and kept (it stays until closed), then reloads the status: the real desk answers, the login shows. */
  const announce = (done: RecoveryRestoreResult): void => {
    const lines = [
      done.damagedCopy
        ? t('recovery.done', { file: done.restored, damaged: done.damagedCopy })
        : t('recovery.doneNoDamaged', { file: done.restored }),
    ];
    if (done.lostRows > 0 && st?.lastKnownHead)
      lines.push(t('recovery.lostRowsWarning', { seq: st.lastKnownHead.seq, head: done.headSeq, lost: done.lostRows }));
    notifications.show({
      id: 'recovery-done',
      color: 'green',
      title: t('recovery.title'),
      message: lines.join(' '),
      autoClose: false,
      withCloseButton: true,
    });
    void queryClient.invalidateQueries();
  };
  return (
    <Container component="main" size="lg" py="xl" data-testid="recovery-page">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={1}>{t('recovery.title')}</Title>
            <Text c="dimmed" className="dd-wrap" maw={760}>
              {t('recovery.subtitle')}
            </Text>
          </div>
          <SegmentedControl
            aria-label={t('shell.language')}
            value={i18n.language}
            onChange={(v) => setLanguage(v as Language)}
            data={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Group>

        {status.isError && (
          <Alert color="red" role="alert">
            {errorText(t, status.error)}
          </Alert>
        )}

        {st && (
          <>
            <Alert color="red" title={t('recovery.whatIsWrong')} data-testid="recovery-fault">
              <Text className="dd-wrap">{t(st.fault.messageKey, st.fault.params)}</Text>
            </Alert>
            <Table variant="vertical" withTableBorder maw={760}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={200}>{t('recovery.dataDir')}</Table.Th>
                  <Table.Td className="dd-wrap">{st.dataDir}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('recovery.lastKnownHead')}</Table.Th>
                  <Table.Td data-testid="recovery-head">
                    {st.lastKnownHead
                      ? t('recovery.headValue', { seq: st.lastKnownHead.seq, hash: shortHash(st.lastKnownHead.hash) })
                      : t('recovery.noHead')}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            {!st.restorable && <Alert color="yellow">{t('recovery.notRestorable')}</Alert>}
            <Group justify="space-between">
              <Title order={2} size="h3">
                {t('recovery.backups')}
              </Title>
              <Button variant="default" onClick={() => void status.refetch()} loading={status.isFetching}>
                {t('recovery.refresh')}
              </Button>
            </Group>
            {st.backups.length === 0 ? (
              <Text>{t('recovery.noBackups')}</Text>
            ) : (
              <Table striped withTableBorder data-testid="recovery-backups">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('recovery.colFile')}</Table.Th>
                    <Table.Th>{t('recovery.colTime')}</Table.Th>
                    <Table.Th>{t('recovery.colHead')}</Table.Th>
                    <Table.Th>{t('recovery.colSize')}</Table.Th>
                    <Table.Th>{t('recovery.colCheck')}</Table.Th>
                    <Table.Th>{t('recovery.colAction')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {st.backups.map((b) => (
                    <Table.Tr key={b.fileName}>
                      <Table.Td style={{ wordBreak: 'break-all' }}>{b.fileName}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(b.createdAt)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {b.headSeq === null ? '—' : t('recovery.headSeq', { seq: b.headSeq })}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{(b.size / 1e6).toFixed(1)} MB</Table.Td>
                      <Table.Td>
                        {b.ok ? (
                          <Badge color="var(--dd-color-done)" variant="outline">
                            {t('recovery.checkOk')}
                          </Badge>
                        ) : (
                          <Stack gap={2}>
                            <Badge color={overdueColor} variant="outline">
                              {t('recovery.checkFailed')}
                            </Badge>
                            {b.problemKey && (
                              <Text size="sm" className="dd-wrap">
                                {t(b.problemKey, b.problemParams ?? {})}
                              </Text>
                            )}
                          </Stack>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          disabled={!b.ok || !st.restorable}
                          onClick={() => setChosen(b)}
                          aria-label={`${t('recovery.restore')} ${b.fileName}`}
                        >
                          {t('recovery.restore')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
      </Stack>
      {chosen && st && (
        <ConfirmRestore
          backup={chosen}
          lastKnownSeq={st.lastKnownHead?.seq ?? null}
          onClose={() => setChosen(null)}
          onDone={(r) => {
            setChosen(null);
            announce(r);
          }}
        />
      )}
    </Container>
  );
}

function ConfirmRestore({
  backup,
  lastKnownSeq,
  onClose,
  onDone,
}: {
  backup: RecoveryBackup;
  lastKnownSeq: number | null;
  onClose: () => void;
  onDone: (r: RecoveryRestoreResult) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { login: '', password: '' } });
  const lost = lastKnownSeq !== null && backup.headSeq !== null && lastKnownSeq > backup.headSeq ? lastKnownSeq - backup.headSeq : 0;
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      onDone(await recoveryCall('recovery.restore', { fileName: backup.fileName, login: values.login, password: values.password }));
    } catch (e) {
      form.setErrors(fieldErrors(t, e));
      setError(errorText(t, e));
      form.setFieldValue('password', '');
    }
  });
  return (
    <Modal opened onClose={onClose} title={t('recovery.confirmTitle', { file: backup.fileName })} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <Text className="dd-wrap">{t('recovery.confirmText')}</Text>
          {lost > 0 && (
            <Alert color="yellow" className="dd-wrap">
              {t('recovery.lostRowsWarning', { seq: lastKnownSeq, head: backup.headSeq, lost })}
            </Alert>
          )}
          <TextInput label={t('recovery.login')} autoComplete="username" required data-autofocus {...form.getInputProps('login')} />
          <PasswordInput label={t('recovery.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
          {error && (
            <Text c={overdueColor} role="alert" className="dd-wrap" data-testid="recovery-error">
              {error}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('recovery.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {form.submitting ? t('recovery.restoring') : t('recovery.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
