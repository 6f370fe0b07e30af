/**
 * The app: providers, then the gate — setup, login, lock — before the shell.
 */
import { useEffect, useState } from 'react';
import { Alert, Center, Loader, MantineProvider, useMantineColorScheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { ModalsProvider } from '@mantine/modals';
import { LocalisedDates } from './components/DateFields/LocalisedDates';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { useTranslation } from 'react-i18next';
import { onGlobalApiError, queryClient, session, subscribePushEvents } from './api';
import { cssVariablesResolver, theme, isNightHour } from './theme';
import { DeskProvider, useDeskState } from './lib/desk-context';
import { localHour } from './lib/format';
import { SetupPage } from './pages/auth/Setup.page';
import { LoginPage } from './pages/auth/Login.page';
import { LockScreen } from './pages/auth/Lock.page';
import { createAppRouter } from './router';
import { themePreference, useThemePreference } from './lib/theme-preference';
import { RecoveryPage } from './pages/recovery/Recovery.page';
import { recoveryRequiredKey } from '../shared/contract/recovery';

const router = createAppRouter();

/** The message key when the address lacks its access token (the service itself is up). */
function tokenProblem(e: unknown): string | null {
  const key = (e as { error?: { messageKey?: string } } | null)?.error?.messageKey;
  return key === 'errors.NO_TOKEN' || key === 'errors.BAD_TOKEN' ? key : null;
}

function Gate() {
  const { t } = useTranslation();
  const { status, sessionQ, clockOffset } = useDeskState();
  const [lockedByError, setLockedByError] = useState(false);

  useEffect(
    () =>
      onGlobalApiError((e) => {
        if (e.code === 'SESSION_LOCKED') setLockedByError(true);
        if (e.code === 'UNAUTHENTICATED') {
          session.set(null);
          void queryClient.invalidateQueries({ queryKey: ['auth.session'] });
        }
      }),
    [],
  );
  useEffect(() => subscribePushEvents(), []);

  if (status.isPending || sessionQ.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  // The data file cannot be opened at all: the core runs its recovery API (list the backups, restore one).
  if ((status.error as { error?: { messageKey?: string } } | null)?.error?.messageKey === recoveryRequiredKey) return <RecoveryPage />;
  if (status.isError || !status.data) {
    return (
      <Center h="100vh" p="xl">
        <Alert color="red" title={t('errors.title')} data-testid="connect-error" maw={720}>
          {t(tokenProblem(status.error) ?? 'errors.NETWORK')}
        </Alert>
      </Center>
    );
  }
  const st = status.data;
  const sess = sessionQ.data ?? null;
  const desk = { status: st, session: sess, tz: st.timeZone, handoverMinutes: st.handoverMinutes, clockOffset };

  return (
    <DeskProvider value={desk}>
      <AutoColorScheme />
      {!st.setUp ? (
        <SetupPage />
      ) : !sess ? (
        <LoginPage />
      ) : sess.locked || lockedByError ? (
        <LockScreen onUnlocked={() => setLockedByError(false)} />
      ) : (
        <RouterProvider router={router} />
      )}
    </DeskProvider>
  );
}


/** Applies light/dark/auto (dark from 19:00 to 07:00 desk time). */
function AutoColorScheme() {
  const pref = useThemePreference();
  const { setColorScheme } = useMantineColorScheme();
  const [hour, setHour] = useState(() => localHour(Date.now()));
  useEffect(() => {
    const h = setInterval(() => setHour(localHour(Date.now())), 60_000);
    return () => clearInterval(h);
  }, []);
  useEffect(() => {
    setColorScheme(pref === 'auto' ? (isNightHour(hour) ? 'dark' : 'light') : pref);
  }, [pref, hour, setColorScheme]);
  return null;
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme={themePreference.get() === 'dark' ? 'dark' : 'light'}>
      <QueryClientProvider client={queryClient}>
        <LocalisedDates>
          <ModalsProvider>
            <Notifications position="top-right" />
            <Gate />
          </ModalsProvider>
        </LocalisedDates>
      </QueryClientProvider>
    </MantineProvider>
  );
}
