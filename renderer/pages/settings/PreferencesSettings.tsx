/**
 * Preferences: idle lock minutes (desk-wide, admin), theme and language (this machine).
 */
import { useEffect, useState } from 'react';
import { Button, Group, NativeSelect, NumberInput, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { logKinds, type LogKind } from '../../../shared/domain/log';
import { useTranslation } from 'react-i18next';
import { call, useApiQuery } from '../../api';
import { useHasRole } from '../../lib/desk-context';
import { themePreference, useThemePreference, type ThemePreference } from '../../lib/theme-preference';
import { setLanguage } from '../../i18n';
import { errorText, notifySaved } from '../../lib/errors';

export function PreferencesSettings() {
  const { t, i18n } = useTranslation();
  const isAdmin = useHasRole('admin');
  const settings = useApiQuery('settings.get', {});
  const pref = useThemePreference();
  const [idle, setIdle] = useState<number | string>(10);
  const [kind, setKind] = useState<LogKind>('incoming_call');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (settings.data) {
      setIdle(settings.data.idleLockMinutes);
      setKind(settings.data.defaultLogKind);
    }
  }, [settings.data]);
  return (
    <Paper withBorder p="lg" maw={640}>
      <Stack>
        <div>
          <Text fw={600} mb={4}>
            {t('settings.theme')}
          </Text>
          <SegmentedControl
            value={pref}
            onChange={(v) => themePreference.set(v as ThemePreference)}
            data={(['auto', 'light', 'dark'] as const).map((v) => ({ value: v, label: t(`shell.theme.${v}`) }))}
          />
        </div>
        <div>
          <Text fw={600} mb={4}>
            {t('shell.language')}
          </Text>
          <SegmentedControl
            value={i18n.language}
            onChange={(v) => setLanguage(v as 'zh-CN' | 'en')}
            data={[
              { value: 'zh-CN', label: '简体中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </div>
        <Group align="flex-end">
          <NumberInput label={t('settings.idleLockMinutes')} min={1} max={240} value={idle} onChange={setIdle} disabled={!isAdmin} w={200} />
          <NativeSelect
            label={t('settings.defaultLogKind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as LogKind)}
            data={logKinds.map((k) => ({ value: k, label: t(`log.kind.${k}`) }))}
            disabled={!isAdmin}
            w={200}
            data-testid="default-log-kind"
          />
          {isAdmin && (
            <Button
              onClick={async () => {
                setError(null);
                try {
                  await call('settings.update', { idleLockMinutes: Number(idle), defaultLogKind: kind });
                  notifySaved();
                } catch (e) {
                  setError(errorText(t, e));
                }
              }}
            >
              {t('common.save')}
            </Button>
          )}
        </Group>
        {error && <Text c="red">{error}</Text>}
      </Stack>
    </Paper>
  );
}
