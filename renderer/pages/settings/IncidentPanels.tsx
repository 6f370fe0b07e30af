/**
 * Settings tabs of the incidents work: report deadline rules per level and
 * the escalation policy (admins edit; everyone can read).
 */
import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Anchor, Button, Group, NumberInput, Paper, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { call, useApiQuery } from '../../api';
import { nationalReportRules, type ReportRules } from '../../../shared/domain/deadline';
import { escalationTargets, type EscalationPolicy, type EscalationTarget } from '../../../shared/domain/escalation';
import { useHasRole } from '../../lib/desk-context';
import { errorText, notifySaved } from '../../lib/errors';
import type { SettingsPanel } from './TrustPanels';

const opt = (v: number | null) => (v === null ? '' : v);

function RulesPanel() {
  const { t } = useTranslation();
  const isAdmin = useHasRole('admin');
  const q = useApiQuery('report.rules', {});
  const drift = useApiQuery('report.rulesDrift', {});
  const [r, setR] = useState<ReportRules | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (q.data) setR(q.data);
  }, [q.data]);
  if (!r) return null;
  const setLevel = (level: number, k: 'phoneMinutes' | 'writtenMinutes', v: string | number) =>
    setR({ ...r, levels: r.levels.map((l) => (l.level === level ? { ...l, [k]: v === '' ? null : Number(v) } : l)) });
  const save = async (rules: ReportRules) => {
    setError(null);
    try {
      await call('report.setRules', rules);
      notifySaved();
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  return (
    <Stack maw={760} data-testid="rules-panel">
      <Text size="sm" c="dimmed">
        {t('incidents.settings.nationalNote')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('incidents.settings.levelSource')}
      </Text>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('incidents.settings.level')}</Table.Th>
            <Table.Th>{t('incidents.settings.phoneMinutes')}</Table.Th>
            <Table.Th>{t('incidents.settings.writtenMinutes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.levels.map((l) => (
            <Table.Tr key={l.level}>
              <Table.Td>{t(`incidents.level.${l.level}`)}</Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={`${t(`incidents.level.${l.level}`)} ${t('incidents.settings.phoneMinutes')}`}
                  placeholder={t('incidents.settings.none')}
                  value={opt(l.phoneMinutes)}
                  onChange={(v) => setLevel(l.level, 'phoneMinutes', v)}
                  min={1}
                  disabled={!isAdmin}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={`${t(`incidents.level.${l.level}`)} ${t('incidents.settings.writtenMinutes')}`}
                  placeholder={t('incidents.settings.none')}
                  value={opt(l.writtenMinutes)}
                  onChange={(v) => setLevel(l.level, 'writtenMinutes', v)}
                  min={1}
                  disabled={!isAdmin}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Paper withBorder p="sm" data-testid="accident-rules">
        <Title order={5} mb="xs">
          {t('incidents.settings.accidentTitle')}
        </Title>
        <Stack gap="xs">
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('incidents.settings.accidentRole')}
            </Text>
            <SegmentedControl
              value={r.accident.role}
              disabled={!isAdmin}
              onChange={(v) => setR({ ...r, accident: { ...r.accident, role: v as ReportRules['accident']['role'] } })}
              data={[
                { value: 'government', label: t('incidents.settings.roleGovernment') },
                { value: 'unit', label: t('incidents.settings.roleUnit') },
              ]}
            />
          </div>
          <Group grow>
            <NumberInput
              label={t('incidents.settings.levelMinutes')}
              placeholder={t('incidents.settings.none')}
              value={opt(r.accident.levelMinutes)}
              min={1}
              onChange={(v) => setR({ ...r, accident: { ...r.accident, levelMinutes: v === '' ? null : Number(v) } })}
              disabled={!isAdmin || r.accident.role !== 'government'}
            />
            <NumberInput
              label={t('incidents.settings.unitMinutes')}
              placeholder={t('incidents.settings.none')}
              value={opt(r.accident.unitMinutes)}
              min={1}
              onChange={(v) => setR({ ...r, accident: { ...r.accident, unitMinutes: v === '' ? null : Number(v) } })}
              disabled={!isAdmin || r.accident.role !== 'unit'}
            />
          </Group>
          <Text size="xs" c="dimmed">
            {t('incidents.settings.accidentSource')}
          </Text>
        </Stack>
      </Paper>
      <Alert color="blue" variant="light" data-testid="rules-change-note">
        <Text size="sm">{t('incidents.settings.changeNote')}</Text>
        {!!drift.data?.length && (
          <Stack gap={2} mt="xs" data-testid="rules-drift">
            <Text size="sm" fw={600}>
              {t('incidents.settings.driftList', { n: drift.data.length })}
            </Text>
            {drift.data.map((i) => (
              <Anchor key={i.id} component={Link} to={`/incidents/${i.id}`} size="sm">
                {i.no} {i.title}
              </Anchor>
            ))}
          </Stack>
        )}
      </Alert>
      <Group grow>
        <NumberInput
          label={t('incidents.settings.supplementDays')}
          value={r.supplementDays}
          min={1}
          onChange={(v) => setR({ ...r, supplementDays: Number(v) || 1 })}
          disabled={!isAdmin}
        />
        <NumberInput
          label={t('incidents.settings.supplementDaysRoadFire')}
          value={r.supplementDaysRoadFire}
          min={1}
          onChange={(v) => setR({ ...r, supplementDaysRoadFire: Number(v) || 1 })}
          disabled={!isAdmin}
        />
        <NumberInput
          label={t('incidents.settings.supplementDueMinutes')}
          value={r.supplementDueMinutes}
          min={1}
          onChange={(v) => setR({ ...r, supplementDueMinutes: Number(v) || 1 })}
          disabled={!isAdmin}
        />
      </Group>
      {error && <Text c="red">{error}</Text>}
      {isAdmin && (
        <Group>
          <Button onClick={() => void save(r)}>{t('common.save')}</Button>
          <Button variant="default" onClick={() => void save(nationalReportRules)}>
            {t('incidents.settings.national')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function EscalationSettingsPanel() {
  const { t } = useTranslation();
  const isAdmin = useHasRole('admin');
  const q = useApiQuery('escalation.settings', {});
  const people = useApiQuery('people.list', {});
  const contacts = useApiQuery('contacts.list', {});
  const [policy, setPolicy] = useState<EscalationPolicy | null>(null);
  const [principal, setPrincipal] = useState<string | null>(null);
  const [superior, setSuperior] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!q.data) return;
    setPolicy(q.data.policy);
    setPrincipal(q.data.principalPersonId ? String(q.data.principalPersonId) : null);
    setSuperior(q.data.superiorContactId ? String(q.data.superiorContactId) : null);
  }, [q.data]);
  if (!policy) return null;
  const save = async () => {
    setError(null);
    try {
      await call('escalation.setSettings', {
        policy,
        principalPersonId: principal ? Number(principal) : null,
        superiorContactId: superior ? Number(superior) : null,
      });
      notifySaved();
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  return (
    <Stack maw={720} data-testid="escalation-settings">
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('incidents.settings.steps')}</Table.Th>
            <Table.Th>{t('incidents.settings.waitMinutes')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {policy.steps.map((s, i) => (
            <Table.Tr key={i}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                <Select
                  aria-label={`${t('incidents.settings.steps')} ${i + 1}`}
                  data={escalationTargets.map((x) => ({ value: x, label: t(`incidents.target.${x}`) }))}
                  value={s.target}
                  allowDeselect={false}
                  disabled={!isAdmin}
                  onChange={(x) =>
                    x &&
                    setPolicy({ ...policy, steps: policy.steps.map((y, j) => (j === i ? { ...y, target: x as EscalationTarget } : y)) })
                  }
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={`${t('incidents.settings.waitMinutes')} ${i + 1}`}
                  value={s.waitMinutes}
                  min={1}
                  disabled={!isAdmin}
                  onChange={(v) =>
                    setPolicy({ ...policy, steps: policy.steps.map((y, j) => (j === i ? { ...y, waitMinutes: Number(v) || 1 } : y)) })
                  }
                />
              </Table.Td>
              <Table.Td>
                {isAdmin && policy.steps.length > 1 && (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('incidents.settings.removeStep')}
                    onClick={() => setPolicy({ ...policy, steps: policy.steps.filter((_, j) => j !== i) })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {isAdmin && policy.steps.length < 6 && (
        <Button
          variant="subtle"
          w="fit-content"
          onClick={() => setPolicy({ ...policy, steps: [...policy.steps, { target: 'superiorOffice', waitMinutes: 10 }] })}
        >
          {t('incidents.settings.addStep')}
        </Button>
      )}
      <NumberInput
        label={t('incidents.settings.repeats')}
        value={policy.repeats}
        min={1}
        max={10}
        disabled={!isAdmin}
        onChange={(v) => setPolicy({ ...policy, repeats: Number(v) || 1 })}
        w={200}
      />
      <Group grow>
        <Select
          label={t('incidents.settings.principal')}
          data={(people.data ?? []).map((p) => ({ value: String(p.id), label: `${p.name}${p.title ? ` ${p.title}` : ''}` }))}
          value={principal}
          onChange={setPrincipal}
          clearable
          searchable
          disabled={!isAdmin}
        />
        <Select
          label={t('incidents.settings.superior')}
          data={(contacts.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
          value={superior}
          onChange={setSuperior}
          clearable
          searchable
          disabled={!isAdmin}
        />
      </Group>
      {error && <Text c="red">{error}</Text>}
      {isAdmin && (
        <Button w="fit-content" onClick={() => void save()}>
          {t('common.save')}
        </Button>
      )}
    </Stack>
  );
}

export const incidentPanels: SettingsPanel[] = [
  { value: 'incident-rules', labelKey: 'incidents.settings.rulesTab', render: () => <RulesPanel /> },
  { value: 'incident-escalation', labelKey: 'incidents.settings.escalationTab', render: () => <EscalationSettingsPanel /> },
];
