/**
 * 排班 — plans by month or holiday period: generate, edit the month grid with
 * live conflict warnings, publish versions, swaps, print, Excel and iCal.
 * Admins edit; leaders and officers read.
 */
import { Link } from 'react-router';
import { DateField, MonthField } from '../../components/DateFields/DateFields';
import { PrintActions } from '../../components/Print/PrintButton';
import { Alert, Badge, Button, Checkbox, FileButton, Group, Modal, NativeSelect, Paper, Stack, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconCalendarEvent, IconFileSpreadsheet, IconSparkles, IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GenerateOutcome, RosterImportOutcome } from '../../../shared/contract/roster';
import { ApiCallError, call, useApiMutation, useApiQuery } from '../../api';
import { useDesk, useHasRole, useNow } from '../../lib/desk-context';
import { localDate } from '../../lib/format';
import { RosterGrid } from './RosterGrid';
import { SwapPanel } from './SwapPanel';
import { WeekView } from './WeekView';
import { ConflictList, FairnessTable, LeavePanel, VersionList } from './PlanPanels';
import { downloadFile, fileToBase64, monthDay, nextMonth } from './lib';
import { monthRange } from '../../../shared/time';

/** Years with official holiday data (bundled or entered by the desk). */
function useKnownYears(): Set<number> | null {
  const years = useApiQuery('calendar.years', {});
  return years.data ? new Set(years.data.map((y) => y.year)) : null;
}

/**
 * Next month in a year without the State Council's notice (December planning
 * January): said before the admin starts, with the way to 设置 → 节假日.
 */
function HolidayDataNotice({ year }: { year: number }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" data-testid="holiday-data-missing" title={t('roster.holidayMissingTitle', { year })}>
      <Text size="sm">{t('roster.holidayMissing', { year })}</Text>
      <Button component={Link} to="/settings?tab=roster-holidays" size="xs" mt="xs" variant="light">
        {t('roster.enterNotice', { year })}
      </Button>
    </Alert>
  );
}

/** On the page: next month's year has no holiday data yet. */
function NextYearNotice() {
  const { tz } = useDesk();
  const now = useNow(60_000);
  const known = useKnownYears();
  const year = Number(nextMonth(localDate(now, tz)).slice(0, 4));
  return known && !known.has(year) ? <HolidayDataNotice year={year} /> : null;
}

function NewPlanModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (id: number) => void }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const now = useNow(60_000);
  const [month, setMonth] = useState(() => nextMonth(localDate(now, tz)));
  const range = /^\d{4}-\d{2}$/u.test(month) ? monthRange(month) : null;
  const [from, setFrom] = useState(range?.from ?? '');
  const [to, setTo] = useState(range?.to ?? '');
  const [title, setTitle] = useState('');
  useEffect(() => {
    if (!range) return;
    setFrom(range.from);
    setTo(range.to);
    setTitle(`${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月值班表`);
  }, [month]);
  const create = useApiMutation('roster.createPlan');
  const err = create.error instanceof ApiCallError ? create.error.error.message : null;
  const known = useKnownYears();
  const missing = known && from && to ? [...new Set([from.slice(0, 4), to.slice(0, 4)].map(Number))].filter((y) => !known.has(y)) : [];
  return (
    <Modal opened={opened} onClose={onClose} title={t('roster.newPlan')}>
      <Stack>
        <MonthField label={t('roster.month')} value={month} onChange={(v: string) => setMonth(v)} />
        <Group grow>
          <DateField label={t('roster.from')} value={from} onChange={(v: string) => setFrom(v)} />
          <DateField label={t('roster.to')} value={to} onChange={(v: string) => setTo(v)} />
        </Group>
        <TextInput label={t('roster.planTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        {missing.length > 0 && <HolidayDataNotice year={missing[0]!} />}
        {err && (
          <Alert color="red" data-testid="plan-error">
            {err}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            disabled={!title.trim() || !from || !to || missing.length > 0}
            loading={create.isPending}
            onClick={() => create.mutate({ title, from, to, notes: null }, { onSuccess: (p) => onCreated(p.id) })}
          >
            {t('roster.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PublishModal({ opened, onClose, planId, amend, conflicts }: { opened: boolean; onClose: () => void; planId: number; amend: boolean; conflicts: number }) {
  const { t } = useTranslation();
  const publish = useApiMutation('roster.publish');
  const [reason, setReason] = useState('');
  const [accept, setAccept] = useState(false);
  const err = publish.error instanceof ApiCallError ? publish.error.error.message : null;
  return (
    <Modal opened={opened} onClose={onClose} title={amend ? t('roster.publishAmendment') : t('roster.publish')}>
      <Stack>
        {amend && <Textarea label={t('roster.publishReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />}
        {conflicts > 0 && <Checkbox label={`${t('roster.acceptWarnings')}${t('common.parenOpen')}${conflicts}${t('common.parenClose')}`} checked={accept} onChange={(e) => setAccept(e.currentTarget.checked)} />}
        {err && <Alert color="red">{err}</Alert>}
        <Group justify="flex-end">
          <Button
            disabled={(amend && !reason.trim()) || (conflicts > 0 && !accept)}
            loading={publish.isPending}
            onClick={() => publish.mutate({ planId, ...(amend ? { reason } : {}), acceptWarnings: accept }, { onSuccess: onClose })}
          >
            {t('roster.publish')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ImportButtons({ onImported }: { onImported: (o: RosterImportOutcome) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async (file: File | null, kind: 'roster' | 'people') => {
    if (!file) return;
    setBusy(true);
    try {
      const base64 = await fileToBase64(file);
      const out = await call('roster.importXlsx', { base64, kind });
      onImported(out);
    } catch (e) {
      onImported({ ok: false, issues: [{ row: 0, column: '', messageKey: e instanceof ApiCallError ? e.error.messageKey : 'errors.INTERNAL' }], rows: 0, planId: null, peopleCreated: 0 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <FileButton onChange={(f) => void run(f, 'roster')} accept=".xlsx">
        {(props) => (
          <Button {...props} variant="default" leftSection={<IconUpload size={16} />} loading={busy} data-testid="import-roster">
            {t('roster.importRoster')}
          </Button>
        )}
      </FileButton>
      <FileButton onChange={(f) => void run(f, 'people')} accept=".xlsx">
        {(props) => (
          <Button {...props} variant="default" leftSection={<IconUpload size={16} />} loading={busy}>
            {t('roster.importPeople')}
          </Button>
        )}
      </FileButton>
    </>
  );
}

export function RosterPage() {
  const { t } = useTranslation();
  const isAdmin = useHasRole('admin');
  const { session } = useDesk();
  const plans = useApiQuery('roster.plans', {});
  const [planId, setPlanId] = useState<number | null>(null);
  const [newOpen, setNewOpen] = useState(false);
  const [publishOpen, setPublishOpen] = useState(false);
  const [gen, setGen] = useState<GenerateOutcome | null>(null);
  const [imported, setImported] = useState<RosterImportOutcome | null>(null);
  const current = planId ?? plans.data?.[0]?.id ?? null;
  const detail = useApiQuery('roster.get', { planId: current ?? 0 }, { enabled: current !== null });
  const generate = useApiMutation('roster.generate');
  const roles = t('roster.roles', { returnObjects: true }) as Record<string, string>;
  const d = detail.data;
  const genErr = generate.error instanceof ApiCallError ? generate.error.error.message : null;

  const exportXlsx = async () => downloadFile(await call('roster.exportXlsx', { planId: current! }), true);
  const exportIcs = async (mine: boolean) =>
    downloadFile(await call('roster.exportIcs', { planId: current!, ...(mine && session?.personId ? { personId: session.personId } : {}) }), false);

  return (
    <Stack data-testid="roster-page">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('roster.title')}
        </Title>
        {isAdmin && (
          <Group>
            <ImportButtons onImported={(o) => {
              setImported(o);
              if (o.planId) setPlanId(o.planId);
            }} />
            <Button onClick={() => setNewOpen(true)}>{t('roster.newPlan')}</Button>
          </Group>
        )}
      </Group>
      {isAdmin && <NextYearNotice />}
      <WeekView />
      {imported && (
        <Alert color={imported.ok ? 'green' : 'red'} withCloseButton onClose={() => setImported(null)} data-testid="import-result">
          {imported.ok ? (
            t('roster.importOk', { rows: imported.rows, people: imported.peopleCreated })
          ) : (
            <>
              <Text size="sm">{t('roster.importFailed')}</Text>
              {imported.issues.slice(0, 30).map((i, k) => (
                <Text size="sm" key={k}>
                  {i.row > 0 ? `第${i.row}行 ` : ''}
                  {i.column ? `“${i.column}”` : ''}
                  {t(i.messageKey, { row: i.row, ...i.params })}
                </Text>
              ))}
            </>
          )}
        </Alert>
      )}
      {plans.data?.length === 0 && <Text c="dimmed">{t('roster.noPlans')}</Text>}
      {!!plans.data?.length && (
        <Group align="flex-end">
          <NativeSelect
            label={t('roster.plans')}
            value={current ? String(current) : ''}
            onChange={(e) => {
              setPlanId(Number(e.currentTarget.value));
              setGen(null);
            }}
            data={plans.data.map((p) => ({
              value: String(p.id),
              label: `${p.title}${t('common.parenOpen')}${p.state === 'draft' ? t('roster.draft') : t('roster.version', { version: p.version })}${p.dirty && p.version > 0 ? ' *' : ''}${t('common.parenClose')}`,
            }))}
            data-testid="plan-select"
          />
          {d && (
            <Group gap="xs">
              <Badge color={d.plan.state === 'published' ? 'green' : 'gray'} data-testid="plan-version">
                {d.plan.state === 'published' ? t('roster.version', { version: d.plan.version }) : t(`roster.${d.plan.state}`)}
              </Badge>
              {d.plan.dirty && d.plan.version > 0 && <Badge color="orange">{t('roster.dirty')}</Badge>}
            </Group>
          )}
        </Group>
      )}
      {d && d.missingYears.length > 0 && (
        <Alert color="red" data-testid="no-holiday-data">
          {t('roster.noData', { year: d.missingYears.join(t('common.listComma')) })}
        </Alert>
      )}
      {d && (
        <Group>
          {isAdmin && d.plan.state !== 'voided' && (
            <>
              <Button
                leftSection={<IconSparkles size={16} />}
                loading={generate.isPending}
                onClick={() => generate.mutate({ planId: d.plan.id }, { onSuccess: (o) => setGen(o) })}
              >
                {t('roster.generate')}
              </Button>
              <Button color="green" onClick={() => setPublishOpen(true)} disabled={!d.plan.dirty && d.plan.version > 0}>
                {d.plan.version > 0 ? t('roster.publishAmendment') : t('roster.publish')}
              </Button>
            </>
          )}
          <PrintActions route={`/print/roster/${d.plan.id}`} label={t('roster.print')} testId="roster-print" />
          <PrintActions route={`/print/roster/${d.plan.id}?layout=departments`} label={t('roster.printDepartments')} testId="roster-print-departments" />
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void exportXlsx()}>
            {t('roster.exportXlsx')}
          </Button>
          <Button variant="default" leftSection={<IconCalendarEvent size={16} />} onClick={() => void exportIcs(false)} disabled={d.plan.version === 0}>
            {t('roster.exportIcs')}
          </Button>
          {session?.personId && (
            <Button variant="subtle" onClick={() => void exportIcs(true)} disabled={d.plan.version === 0}>
              {t('roster.exportMyIcs')}
            </Button>
          )}
        </Group>
      )}
      {genErr && <Alert color="red">{genErr}</Alert>}
      {gen && gen.unfilled.length > 0 && (
        <Alert color="orange" title={t('roster.unfilled', { count: gen.unfilled.length })} data-testid="unfilled">
          {gen.unfilled.slice(0, 10).map((u, i) => (
            <Text size="sm" key={i}>
              {t('roster.unfilledSlot', { ...u, date: monthDay(u.date), role: roles[u.role] })}
            </Text>
          ))}
        </Alert>
      )}
      {d && (
        <Tabs defaultValue="grid" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="grid">{t('roster.plans')}</Tabs.Tab>
            <Tabs.Tab value="conflicts">
              {t('roster.conflicts.title')} {d.conflicts.length > 0 && <Badge size="xs" color="red">{d.conflicts.length}</Badge>}
            </Tabs.Tab>
            <Tabs.Tab value="fairness">{t('roster.fairness')}</Tabs.Tab>
            <Tabs.Tab value="swaps">{t('roster.swap.title')}</Tabs.Tab>
            <Tabs.Tab value="versions">{t('roster.versions')}</Tabs.Tab>
            <Tabs.Tab value="leave">{t('roster.leave')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="grid" pt="md">
            <RosterGrid detail={d} editable={isAdmin && d.plan.state !== 'voided'} />
          </Tabs.Panel>
          <Tabs.Panel value="conflicts" pt="md">
            <Paper p="md" withBorder>
              <ConflictList detail={d} />
            </Paper>
          </Tabs.Panel>
          <Tabs.Panel value="fairness" pt="md">
            <FairnessTable detail={d} />
          </Tabs.Panel>
          <Tabs.Panel value="swaps" pt="md">
            <SwapPanel detail={d} />
          </Tabs.Panel>
          <Tabs.Panel value="versions" pt="md">
            <VersionList detail={d} />
          </Tabs.Panel>
          <Tabs.Panel value="leave" pt="md">
            <LeavePanel detail={d} editable={isAdmin} />
          </Tabs.Panel>
        </Tabs>
      )}
      {newOpen && (
        <NewPlanModal
          opened
          onClose={() => setNewOpen(false)}
          onCreated={(id) => {
            setNewOpen(false);
            setPlanId(id);
            setGen(null);
          }}
        />
      )}
      {publishOpen && d && (
        <PublishModal opened onClose={() => setPublishOpen(false)} planId={d.plan.id} amend={d.plan.version > 0} conflicts={d.conflicts.length} />
      )}
    </Stack>
  );
}
