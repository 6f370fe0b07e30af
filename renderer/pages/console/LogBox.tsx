/**
 * Console: the always-present log entry box.
 *
 * Keyboard first: the summary field holds focus whenever nothing else does;
 * Alt+1…7 picks the kind, Ctrl+Enter saves, Esc clears, and focus comes back
 * to the summary after each. The entry appears in the timeline at once.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Collapse, Group, Paper, SegmentedControl, SimpleGrid, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call, useApiQuery } from '../../api';
import { logKinds, type LogKind } from '../../../shared/domain/log';
import { useDesk, useNow } from '../../lib/desk-context';
import { errorTextWithField } from '../../lib/errors';
import { fromClockTime } from '../../lib/local-input';

const empty = { time: '', sourceUnit: '', sourcePerson: '', sourcePhone: '', summary: '', detail: '' };

export function LogBox() {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const now = useNow(1000);
  // After each save the kind returns to the desk's default (来电 unless set otherwise): the next call
  // after a 查岗 is not saved as 查岗.
  const settings = useApiQuery('settings.get', {});
  const defaultKind: LogKind = settings.data?.defaultLogKind ?? 'incoming_call';
  const [kind, setKind] = useState<LogKind>(defaultKind);
  useEffect(() => setKind(defaultKind), [defaultKind]);
  const [v, setV] = useState(empty);
  const [more, setMore] = useState(false);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const summaryRef = useRef<HTMLTextAreaElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);

  const focusSummary = useCallback(() => summaryRef.current?.focus(), []);

  // The box takes focus whenever focus falls back to the page body.
  useEffect(() => {
    focusSummary();
    const onFocusOut = () => {
      setTimeout(() => {
        const a = document.activeElement;
        if (!a || a === document.body || a === document.documentElement) focusSummary();
      }, 0);
    };
    document.addEventListener('focusout', onFocusOut);
    const onDocClick = () => onFocusOut();
    document.addEventListener('click', onDocClick);
    return () => {
      document.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('click', onDocClick);
    };
  }, [focusSummary]);

  const clear = () => {
    setV(empty);
    setKind(defaultKind);
    setMore(false);
    setMsg(null);
    focusSummary();
  };

  const save = async () => {
    if (busy) return;
    if (!v.summary.trim()) {
      setMsg({ ok: false, text: t('validation.required') + t('common.colon') + t('log.summary') });
      focusSummary();
      return;
    }
    let occurredAt: string | undefined;
    if (v.time.trim()) {
      const at = fromClockTime(v.time, now, tz);
      if (!at) {
        setMsg({ ok: false, text: t('validation.invalid_format') + t('common.colon') + t('log.time') });
        return;
      }
      occurredAt = at;
    }
    setBusy(true);
    try {
      await call('log.create', {
        kind,
        summary: v.summary,
        ...(occurredAt ? { occurredAt } : {}),
        sourceUnit: v.sourceUnit || null,
        sourcePerson: v.sourcePerson || null,
        sourcePhone: v.sourcePhone || null,
        detail: v.detail || null,
      });
      setV(empty);
      setKind(defaultKind);
      setMore(false);
      setMsg({ ok: true, text: t('log.saved') });
    } catch (e) {
      setMsg({ ok: false, text: errorTextWithField(t, e) });
    } finally {
      setBusy(false);
      focusSummary();
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      void save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      clear();
    } else if (e.altKey && /^[1-7]$/u.test(e.key)) {
      e.preventDefault();
      setKind(logKinds[Number(e.key) - 1]!);
    }
  };

  const field = (k: keyof typeof empty) => ({
    value: v[k],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setV((s) => ({ ...s, [k]: value }));
    },
  });

  return (
    <Paper withBorder p="md" ref={boxRef} onKeyDown={onKeyDown} data-testid="log-box">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('log.title')}</Title>
        <Text size="xs" c="dimmed">
          {t('log.hint')}
        </Text>
      </Group>
      <SegmentedControl
        aria-label={t('log.kindLabel')}
        value={kind}
        onChange={(k) => setKind(k as LogKind)}
        data={logKinds.map((k, i) => ({ value: k, label: `${t(`log.kind.${k}`)} ${i + 1}` }))}
        size="sm"
        mb="sm"
        fullWidth
        data-testid="log-kind"
      />
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs" mb="xs">
        <TextInput label={t('log.time')} placeholder={t('log.now')} {...field('time')} />
        <TextInput label={t('log.sourceUnit')} {...field('sourceUnit')} />
        <TextInput label={t('log.sourcePerson')} {...field('sourcePerson')} />
        <TextInput label={t('log.sourcePhone')} {...field('sourcePhone')} />
      </SimpleGrid>
      <Textarea
        ref={summaryRef}
        label={t('log.summary')}
        placeholder={t('log.summaryPlaceholder')}
        autosize
        minRows={2}
        maxRows={6}
        size="md"
        data-testid="log-summary"
        {...field('summary')}
      />
      <Collapse expanded={more}>
        <Textarea label={t('log.detail')} autosize minRows={3} mt="xs" {...field('detail')} />
      </Collapse>
      <Group justify="space-between" mt="xs">
        <Text size="sm" c={msg?.ok ? 'green' : 'red'} role="status" data-testid="log-status">
          {msg?.text ?? ''}
        </Text>
        <Group gap="xs">
          <Button variant="subtle" size="xs" onClick={() => setMore((m) => !m)} tabIndex={-1}>
            {t('log.more')}
          </Button>
          <Button variant="default" size="xs" onClick={clear} tabIndex={-1}>
            Esc
          </Button>
          <Button size="xs" onClick={() => void save()} loading={busy} tabIndex={-1}>
            {t('common.save')} Ctrl+Enter
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
