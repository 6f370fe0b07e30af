/**
 * 签到/签退 on the console: one click or Alt+S. Someone not on the roster signs
 * in as a cover (替班), naming whom they cover if they know.
 */
import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconLogin, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api';
import { errorText, notifySaved } from '../../lib/errors';
import { useDesk } from '../../lib/desk-context';
import { formatTime } from '../../lib/format';
import { overdueColor } from '../../theme';

export function SignInButton() {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const q = useApiQuery('attendance.today', {}, { refetchInterval: 60_000 });
  const signIn = useApiMutation('attendance.signIn');
  const signOut = useApiMutation('attendance.signOut');
  const [cover, setCover] = useState(false);
  const [covers, setCovers] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const me = q.data?.me;
  const myMark = q.data?.marks.filter((m) => !m.voided && m.personId === me?.personId).at(-1);

  const act = () => {
    if (!me || me.personId === null) return;
    setError(null);
    if (me.signedIn) {
      signOut.mutate({ note: null }, { onSuccess: () => notifySaved(t('attendance.signedOut')), onError: (e) => setError(errorText(t, e)) });
    } else if (!me.rostered) setCover(true);
    else signIn.mutate({ note: null }, { onSuccess: () => notifySaved(t('attendance.signedIn')), onError: (e) => setError(errorText(t, e)) });
  };
  useHotkeys([['alt+S', act]], [], true);

  if (!me || me.personId === null) return null;
  const rostered = q.data!.shifts.flatMap((s) => s.lines.filter((l) => l.role !== null));
  return (
    <Group gap="xs" data-testid="sign-in">
      <Button
        size="compact-md"
        color={me.signedIn ? 'gray.7' : 'teal.9'}
        leftSection={me.signedIn ? <IconLogout size={16} /> : <IconLogin size={16} />}
        onClick={act}
        loading={signIn.isPending || signOut.isPending}
        aria-keyshortcuts="Alt+S"
      >
        {me.signedIn ? t('attendance.signOut') : t('attendance.signIn')}
        {t('common.parenOpen')}
        {t('attendance.hotkey')}
        {t('common.parenClose')}
      </Button>
      {me.signedIn && myMark && (
        <Text size="sm" c="teal.9" data-testid="signed-in-at">
          {t('attendance.signedInAt', { time: formatTime(myMark.at, tz) })}
        </Text>
      )}
      {error && (
        <Text size="sm" c={overdueColor} role="alert">
          {error}
        </Text>
      )}
      <Modal opened={cover} onClose={() => setCover(false)} title={t('attendance.signIn')}>
        <Stack>
          <Text size="sm">{t('attendance.coverHint')}</Text>
          <Select
            label={t('attendance.cover')}
            data={[{ value: '', label: t('attendance.coverNobody') }, ...rostered.map((l) => ({ value: String(l.personId), label: l.name }))]}
            value={covers ?? ''}
            onChange={setCovers}
          />
          <Button
            onClick={() =>
              signIn.mutate(
                { ...(covers ? { coversPersonId: Number(covers) } : {}), note: null },
                {
                  onSuccess: () => {
                    setCover(false);
                    notifySaved(t('attendance.signedIn'));
                  },
                  onError: (e) => setError(errorText(t, e)),
                },
              )
            }
          >
            {t('attendance.signIn')}
          </Button>
        </Stack>
      </Modal>
    </Group>
  );
}
