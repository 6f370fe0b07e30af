/**
 * The app shell: header (desk, clock, user), navigation, and the page.
 *
 * Ctrl+L locks the console; so does idleness (minutes from settings).
 */
import { useEffect } from 'react';
import { ActionIcon, AppShell, Badge, Burger, Group, Menu, NavLink, Text, Tooltip, Alert } from '@mantine/core';
import { useDisclosure, useHotkeys, useIdle } from '@mantine/hooks';
import { IconLanguage, IconLock, IconLogout, IconMoon, IconSun, IconSunMoon, IconUserCircle } from '@tabler/icons-react';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { navItems } from './nav-items';
import { AlarmWatcher } from '../Alarm/AlarmWatcher';
import { HubCheckWatcher } from '../Alarm/HubCheckWatcher';
import { useDesk, useNow } from '../../lib/desk-context';
import { formatClock, type Lang } from '../../lib/format';
import { setLanguage } from '../../i18n';
import { themePreference, useThemePreference, type ThemePreference } from '../../lib/theme-preference';
import { lockNow, logout } from '../../lib/session-actions';

function Clock() {
  const { tz } = useDesk();
  const { i18n } = useTranslation();
  const now = useNow();
  return (
    <Text fw={600} size="lg" ff="monospace" data-testid="clock" aria-live="off">
      {formatClock(now, tz, i18n.language as Lang, true)}
    </Text>
  );
}

const themeIcons: Record<ThemePreference, typeof IconSun> = { light: IconSun, dark: IconMoon, auto: IconSunMoon };

export function Shell() {
  const { t, i18n } = useTranslation();
  const { session: s, status } = useDesk();
  const [opened, { toggle }] = useDisclosure();
  const location = useLocation();
  const pref = useThemePreference();
  const settings = useApiQuery('settings.get', {});
  const idle = useIdle((settings.data?.idleLockMinutes ?? 10) * 60_000, { initialState: false });

  useHotkeys([['mod+L', () => void lockNow()]], []);
  useEffect(() => {
    if (idle) void lockNow();
  }, [idle]);

  const nextTheme: Record<ThemePreference, ThemePreference> = { auto: 'light', light: 'dark', dark: 'auto' };
  const ThemeIcon = themeIcons[pref];

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 200, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header className="dd-no-print">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.menu')} />
            <Text fw={700} size="lg">
              {t('app.short')}
            </Text>
            <Text c="dimmed" size="sm" visibleFrom="md" className="dd-wrap" lineClamp={1}>
              {status.deskName}
            </Text>
          </Group>
          <Clock />
          <Group gap="xs" wrap="nowrap">
            <Tooltip label={t(`shell.theme.${pref}`)}>
              <ActionIcon variant="subtle" size="lg" aria-label={t(`shell.theme.${pref}`)} onClick={() => themePreference.set(nextTheme[pref])}>
                <ThemeIcon size={20} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('shell.language')}>
              <ActionIcon
                variant="subtle"
                size="lg"
                aria-label={t('shell.language')}
                onClick={() => setLanguage(i18n.language === 'zh-CN' ? 'en' : 'zh-CN')}
              >
                <IconLanguage size={20} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('shell.lock')}>
              <ActionIcon variant="subtle" size="lg" aria-label={t('shell.lock')} onClick={() => void lockNow()} data-testid="lock-button">
                <IconLock size={20} />
              </ActionIcon>
            </Tooltip>
            <Menu position="bottom-end">
              <Menu.Target>
                <ActionIcon variant="subtle" size="lg" aria-label={t('shell.account')}>
                  <IconUserCircle size={22} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  {s?.displayName} ({s?.login})
                </Menu.Label>
                <Menu.Item disabled>
                  <Group gap={4}>
                    {s?.roles.map((r) => (
                      <Badge key={r} size="xs" variant="light">
                        {t(`roles.${r}`)}
                      </Badge>
                    ))}
                  </Group>
                </Menu.Item>
                <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void logout()}>
                  {t('shell.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" className="dd-no-print" aria-label={t('shell.navigation')}>
        {navItems.map((sec) => {
          const Icon = sec.icon;
          return (
            <NavLink
              key={sec.path}
              component={RouterNavLink}
              to={sec.path}
              label={t(sec.key)}
              leftSection={<Icon size={18} />}
              active={location.pathname.startsWith(sec.path)}
            />
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main>
        {status.readOnly && (
          <Alert color="red" mb="md" title={t('store.readOnlyTitle')} data-testid="read-only-banner">
            {t(status.readOnlyReasonKey ?? 'errors.READ_ONLY', status.readOnlyReasonParams ?? {})}
            {status.latestBackup && ` ${t('store.latestBackup', { file: status.latestBackup })}`}
          </Alert>
        )}
        <AlarmWatcher />
        <HubCheckWatcher />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

