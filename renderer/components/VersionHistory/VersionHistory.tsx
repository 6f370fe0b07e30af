/**
 * The versions of a register record, oldest first: who made each, when and
 * why, and what it changed (field: before → after), so an inspector can read
 * how a record came to say what it says.
 */
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecordVersion } from '../../../shared/contract';
import { changedKeys } from '../../lib/patch';
import { useDesk } from '../../lib/desk-context';
import { formatDateTime } from '../../lib/format';

const clip = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

export function VersionHistory<T extends object>({
  versions,
  label,
  show,
  testId,
}: {
  versions: readonly RecordVersion<T>[];
  /** The field's name on screen, or null for fields not to list. */
  label: (key: string) => string | null;
  /** A field's value in words. */
  show: (key: string, value: unknown) => string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  return (
    <Stack gap={4} data-testid={testId}>
      <Title order={5}>{t('registers.versions.title')}</Title>
      {versions.map((v, i) => {
        const prev = versions[i - 1];
        // A field an older version did not record (petitioners before they were versioned) is not a change.
        const keys = prev ? changedKeys(prev.data, v.data).filter((k) => label(k) !== null && k in prev.data) : [];
        return (
          <div key={v.version} data-testid="record-version">
            <Text size="sm">
              <b>{t('registers.versions.version', { n: v.version })}</b> · {formatDateTime(v.at, tz)} · {v.by}
              {i === 0 ? ` · ${t('registers.versions.first')}` : ''}
              {v.reason ? ` · ${t('registers.versions.reason')}${t('common.colon')}${v.reason}` : ''}
            </Text>
            {keys.map((k) => {
              const from = show(k, (prev!.data as Record<string, unknown>)[k]);
              const to = show(k, (v.data as Record<string, unknown>)[k]);
              return (
                <Text key={k} size="xs" c="dimmed" pl="md" className="dd-wrap">
                  {label(k)}{t('common.colon')}{clip(from || '—')} → {clip(to || '—')}
                </Text>
              );
            })}
          </div>
        );
      })}
    </Stack>
  );
}
