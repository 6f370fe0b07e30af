/**
 * The renderer in hub mode: the superior office's console, served by the
 * hub. Sign in (hub admin / hub officer / read-only leader), then the board
 * of every desk, incidents across desks, system presence checks, notices,
 * holiday notices, desk enrolment, and the printable 汇总 sheet.
 */
import { LocalisedDates } from '../../components/DateFields/LocalisedDates';
import { useState } from 'react';
import { ActionIcon, AppShell, Badge, Button, Center, Group, Loader, MantineProvider, NavLink, Paper, PasswordInput, Stack, Text, TextInput, Title, Tooltip, useMantineColorScheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { createHashRouter, Navigate, NavLink as RouterNavLink, Outlet, RouterProvider, useLocation } from 'react-router';
import { IconAlarm, IconCalendarEvent, IconLanguage, IconLayoutDashboard, IconLogout, IconMail, IconMoon, IconClockHour5, IconPlugConnected, IconSun, IconUrgent, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { cssVariablesResolver, theme } from '../../theme';
import { setLanguage } from '../../i18n';
import { errorText } from '../../lib/errors';
import { hubCall, hubQueryClient, hubSession, useHubQuery } from './hub-api';
import { HubStatusProvider, useHub } from './hub-context';
import { BoardPage } from './Board.page';
import { ChecksPage } from './Checks.page';
import { NoticesPage } from './Notices.page';
import { DesksPage } from './Desks.page';
import { HubIncidentsPage } from './HubIncidents.page';
import { SummaryPrintPage } from './SummaryPrint.page';
import { PetitionsPage, PetitionsPrintPage } from './Petitions.page';
import { RulesPage } from './Rules.page';

const sections = [
  { path: '/board', key: 'hub.nav.board', icon: IconLayoutDashboard },
  { path: '/incidents', key: 'hub.nav.incidents', icon: IconUrgent },
  { path: '/petitions', key: 'hub.nav.petitions', icon: IconUsersGroup },
  { path: '/checks', key: 'hub.nav.checks', icon: IconAlarm },
  { path: '/notices', key: 'hub.nav.notices', icon: IconMail },
  { path: '/holidays', key: 'hub.nav.holidays', icon: IconCalendarEvent },
  { path: '/rules', key: 'hub.nav.rules', icon: IconClockHour5 },
  { path: '/desks', key: 'hub.nav.desks', icon: IconPlugConnected },
] as const;

function Login() {
  const { t } = useTranslation();
  const { status } = useHub();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await hubCall('hub.login', { login, password });
      hubSession.set(r.sessionId);
      await hubQueryClient.invalidateQueries();
    } catch (e) {
      setError(errorText(t, e));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Center component="main" h="100vh" p="md">
      <Paper
        withBorder
        p="xl"
        w={400}
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <div>
            <Title order={1} size="h2">
              {t('hub.login.title')}
            </Title>
            <Text c="dimmed">{status.hubName}</Text>
          </div>
          {!status.hasUsers && <Text c="orange">{t('hub.login.noUsers')}</Text>}
          <TextInput label={t('users.login')} autoFocus autoComplete="username" required value={login} onChange={(e) => setLogin(e.currentTarget.value)} />
          <PasswordInput label={t('users.password')} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          {error && (
            <Text c="red" role="alert">
              {error}
            </Text>
          )}
          <Button type="submit" loading={busy}>
            {t('login.submit')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}

function Shell() {
  const { t, i18n } = useTranslation();
  const { status, user } = useHub();
  const location = useLocation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const logout = async () => {
    await hubCall('hub.logout', {}).catch(() => null);
    hubSession.set(null);
    await hubQueryClient.resetQueries();
  };
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 200, breakpoint: 'sm' }} padding="md">
      <AppShell.Header className="dd-no-print">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Text fw={700} size="lg">
              {t('hub.title')}
            </Text>
            <Text c="dimmed" size="sm" lineClamp={1}>
              {status.hubName}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Tooltip label={t('shell.language')}>
              <ActionIcon variant="subtle" size="lg" aria-label={t('shell.language')} onClick={() => setLanguage(i18n.language === 'zh-CN' ? 'en' : 'zh-CN')}>
                <IconLanguage size={20} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t(colorScheme === 'dark' ? 'shell.theme.light' : 'shell.theme.dark')}>
              <ActionIcon variant="subtle" size="lg" aria-label={t(colorScheme === 'dark' ? 'shell.theme.light' : 'shell.theme.dark')} onClick={() => setColorScheme(colorScheme === 'dark' ? 'light' : 'dark')}>
                {colorScheme === 'dark' ? <IconSun size={20} /> : <IconMoon size={20} />}
              </ActionIcon>
            </Tooltip>
            <Text size="sm">{user?.displayName}</Text>
            {user && (
              <Badge variant="light" size="sm">
                {t(`hub.roles.${user.role}`)}
              </Badge>
            )}
            <Tooltip label={t('shell.logout')}>
              <ActionIcon variant="subtle" size="lg" aria-label={t('shell.logout')} onClick={() => void logout()}>
                <IconLogout size={20} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" className="dd-no-print" aria-label={t('shell.navigation')}>
        {sections.map((s) => (
          <NavLink key={s.path} component={RouterNavLink} to={s.path} label={t(s.key)} leftSection={<s.icon size={18} />} active={location.pathname.startsWith(s.path)} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

const router = createHashRouter([
  { path: '/print/summary/:date', element: <SummaryPrintPage /> },
  { path: '/print/petitions/:from/:to', element: <PetitionsPrintPage /> },
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/board" replace /> },
      { path: 'board', element: <BoardPage /> },
      { path: 'incidents', element: <HubIncidentsPage /> },
      { path: 'petitions', element: <PetitionsPage /> },
      { path: 'checks', element: <ChecksPage /> },
      { path: 'notices', element: <NoticesPage kind="notice" /> },
      { path: 'holidays', element: <NoticesPage kind="holiday" /> },
      { path: 'rules', element: <RulesPage /> },
      { path: 'desks', element: <DesksPage /> },
      { path: '*', element: <Navigate to="/board" replace /> },
    ],
  },
]);

function Gate() {
  const { t } = useTranslation();
  const status = useHubQuery('hub.status', {}, { staleTime: 0 });
  const session = useHubQuery('hub.session', {}, { staleTime: 0 });
  if (status.isPending || session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (!status.data) {
    return (
      <Center h="100vh">
        <Text c="red">{t('errors.NETWORK')}</Text>
      </Center>
    );
  }
  return <HubStatusProvider value={{ status: status.data, user: session.data ?? null, clockOffset: Date.parse(status.data.now) - status.dataUpdatedAt }}>{session.data ? <RouterProvider router={router} /> : <Login />}</HubStatusProvider>;
}

export function HubApp() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={hubQueryClient}>
        <Notifications position="top-right" />
        <LocalisedDates>
          <Gate />
        </LocalisedDates>
      </QueryClientProvider>
    </MantineProvider>
  );
}
