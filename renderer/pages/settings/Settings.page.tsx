/**
 * 设置 — desk, users, preferences, own password; plus the domains' panels.
 */
import { Tabs, Title, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useHasRole } from '../../lib/desk-context';
import { DeskSettings } from './DeskSettings';
import { UsersSettings } from './UsersSettings';
import { PreferencesSettings } from './PreferencesSettings';
import { AccountSettings } from './AccountSettings';
import { rosterPanels } from './RosterPanels';
import { incidentPanels } from './IncidentPanels';
import { trustPanels } from './TrustPanels';
import { dutyDayPanels } from './DutyDayPanels';
import { uplinkPanels } from './UplinkPanels';
import { registerPanels } from './RegisterPanels';

export function SettingsPage() {
  const { t } = useTranslation();
  const isAdmin = useHasRole('admin');
  // `?tab=registers` opens a domain's panel directly (the registers link here from their pages).
  const [params] = useSearchParams();
  const extra = [...rosterPanels, ...incidentPanels, ...trustPanels, ...dutyDayPanels, ...registerPanels, ...uplinkPanels];
  return (
    <Stack>
      <Title order={1} size="h2">{t('nav.settings')}</Title>
      <Tabs defaultValue={params.get('tab') ?? (isAdmin ? 'desk' : 'account')} keepMounted={false}>
        <Tabs.List>
          {isAdmin && <Tabs.Tab value="desk">{t('settings.desk')}</Tabs.Tab>}
          {isAdmin && <Tabs.Tab value="users">{t('settings.users')}</Tabs.Tab>}
          <Tabs.Tab value="preferences">{t('settings.preferences')}</Tabs.Tab>
          <Tabs.Tab value="account">{t('settings.account')}</Tabs.Tab>
          {extra.map((p) => (
            <Tabs.Tab key={p.value} value={p.value}>
              {t(p.labelKey)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {isAdmin && (
          <Tabs.Panel value="desk" pt="md">
            <DeskSettings />
          </Tabs.Panel>
        )}
        {isAdmin && (
          <Tabs.Panel value="users" pt="md">
            <UsersSettings />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="preferences" pt="md">
          <PreferencesSettings />
        </Tabs.Panel>
        <Tabs.Panel value="account" pt="md">
          <AccountSettings />
        </Tabs.Panel>
        {extra.map((p) => (
          <Tabs.Panel key={p.value} value={p.value} pt="md">
            {p.render()}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
