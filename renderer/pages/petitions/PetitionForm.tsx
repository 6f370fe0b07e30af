/**
 * 信访登记: one petition with its petitioners. A group visit (five or more)
 * records its representatives (at most five); a petitioner who came before is
 * found by name, phone or ID number and linked, so the visit counts as 重复访.
 * Opened from the register, or from a 来访/来电/来文 log entry (prefilled).
 */
import { useState } from 'react';
import { ActionIcon, Badge, Button, Checkbox, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { DateTimeField } from '../../components/DateFields/DateFields';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { call, useApiQuery } from '../../api';
import type { Input, LogEntry, Petition, Petitioner } from '../../../shared/contract';
import { abnormalKinds, isGroupVisit, levelsFrom, maxRepresentatives, petitionForms, type AbnormalKind, type PetitionForm as Form, type PetitionLevel } from '../../../shared/domain/petition';
import { useDesk } from '../../lib/desk-context';
import { errorText, fieldErrors, notifySaved } from '../../lib/errors';
import { fromLocalInput, toLocalInput } from '../../lib/local-input';

type NewPerson = { key: number; name: string; phone: string; idNumber: string; address: string; keyPerson: boolean };
type Linked = { key: number; existing: Petitioner };
type Row = NewPerson | Linked;

const formOfEntry = (e: LogEntry): Form => (e.kind === 'incoming_call' ? 'call' : e.kind === 'incoming_doc' ? 'letter' : 'visit');

export function PetitionForm({ fromEntry, onClose, onSaved }: { fromEntry?: LogEntry; onClose: () => void; onSaved: (p: Petition) => void }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const settings = useApiQuery('petitions.settings', {});
  const [receivedAt, setReceivedAt] = useState(fromEntry ? toLocalInput(fromEntry.occurredAt, tz) : '');
  const [form, setForm] = useState<Form>(fromEntry ? formOfEntry(fromEntry) : 'visit');
  const [persons, setPersons] = useState<number>(1);
  const [level, setLevel] = useState<PetitionLevel | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [abnormal, setAbnormal] = useState(false);
  const [abnormalKind, setAbnormalKind] = useState<AbnormalKind | null>(null);
  const [summary, setSummary] = useState(fromEntry?.summary ?? '');
  const [demands, setDemands] = useState('');
  const [leader, setLeader] = useState('');
  const [unit, setUnit] = useState('');
  const [locality, setLocality] = useState('');
  const [rows, setRows] = useState<Row[]>(() =>
    fromEntry?.sourcePerson ? [{ key: 1, name: fromEntry.sourcePerson, phone: fromEntry.sourcePhone ?? '', idNumber: '', address: '', keyPerson: false }] : [],
  );
  const [search, setSearch] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const found = useApiQuery('petitioners.search', { query: search.trim() }, { enabled: search.trim().length >= 2 });
  const s = settings.data;
  const levels = s ? levelsFrom(s.deskLevel) : [];
  const group = isGroupVisit(persons);
  const nextKey = () => Math.max(0, ...rows.map((r) => r.key)) + 1;
  const setRow = (key: number, patch: Partial<NewPerson>) => setRows((rs) => rs.map((r) => (r.key === key && !('existing' in r) ? { ...r, ...patch } : r)));

  const save = async () => {
    setError(null);
    setErrors({});
    setSaving(true);
    const at = receivedAt ? fromLocalInput(receivedAt, tz) : null;
    const input: Input<'petitions.create'> = {
      ...(at ? { receivedAt: at } : {}),
      form,
      persons,
      level: level ?? levels[0] ?? 'district',
      category: category ?? '',
      abnormal,
      abnormalKind: abnormal ? abnormalKind : null,
      summary,
      demands: demands || null,
      leader: leader || null,
      unit: unit || null,
      locality: locality || null,
      petitioners: rows.map((r) =>
        'existing' in r
          ? { petitionerId: r.existing.id }
          : { name: r.name, phone: r.phone || null, idNumber: r.idNumber || null, address: r.address || null, keyPerson: r.keyPerson },
      ),
      ...(fromEntry ? { fromLogEntryId: fromEntry.id } : {}),
    };
    try {
      const p = await call('petitions.create', input);
      notifySaved(t('petitions.created', { no: p.no }));
      onSaved(p);
    } catch (e) {
      setErrors(fieldErrors(t, e));
      setError(errorText(t, e));
    } finally {
      setSaving(false);
    }
  };

  const fe = (path: string) => errors[path];
  return (
    <Modal opened onClose={onClose} size="xl" title={fromEntry ? `${t('petitions.new')} · ${t('registers.fromEntry')}` : t('petitions.new')}>
      <Stack gap="xs" data-testid="petition-form">
        <SimpleGrid cols={3} spacing="xs">
          <DateTimeField label={t('petitions.receivedAt')} value={receivedAt} onChange={setReceivedAt} placeholder={t('log.now')} />
          <Select label={t('petitions.formLabel')} data={petitionForms.map((f) => ({ value: f, label: t(`petitions.form.${f}`) }))} value={form} onChange={(v) => v && setForm(v as Form)} allowDeselect={false} />
          <NumberInput label={t('petitions.persons')} min={1} value={persons} onChange={(v) => setPersons(typeof v === 'number' ? v : Number(v) || 1)} error={fe('persons')} />
          <Select
            label={t('petitions.levelLabel')}
            data={levels.map((l) => ({ value: l, label: t(`petitions.level.${l}`) }))}
            value={level ?? levels[0] ?? null}
            onChange={(v) => setLevel(v as PetitionLevel)}
            allowDeselect={false}
            error={fe('level')}
          />
          <Select label={t('petitions.categoryLabel')} data={s?.categories ?? []} value={category} onChange={setCategory} searchable error={fe('category')} />
          <Group align="flex-end" gap="xs">
            <Checkbox label={t('petitions.abnormal')} checked={abnormal} onChange={(e) => setAbnormal(e.currentTarget.checked)} mb={8} />
            {abnormal && (
              <Select
                aria-label={t('petitions.abnormalKindLabel')}
                placeholder={t('petitions.abnormalKindLabel')}
                data={abnormalKinds.map((k) => ({ value: k, label: t(`petitions.abnormalKind.${k}`) }))}
                value={abnormalKind}
                onChange={(v) => setAbnormalKind(v as AbnormalKind | null)}
                error={fe('abnormalKind')}
                w={140}
              />
            )}
          </Group>
        </SimpleGrid>
        {group && (
          <Badge color="dark" variant="light">
            {t('petitions.groupVisit')} · {t('petitions.representatives')}
          </Badge>
        )}
        <Textarea label={t('petitions.summary')} autosize minRows={2} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} error={fe('summary')} />
        <Textarea label={t('petitions.demands')} autosize value={demands} onChange={(e) => setDemands(e.currentTarget.value)} />
        <SimpleGrid cols={3} spacing="xs">
          <TextInput label={t('petitions.leader')} value={leader} onChange={(e) => setLeader(e.currentTarget.value)} />
          <TextInput label={t('petitions.unit')} value={unit} onChange={(e) => setUnit(e.currentTarget.value)} />
          <TextInput label={t('petitions.locality')} value={locality} onChange={(e) => setLocality(e.currentTarget.value)} />
        </SimpleGrid>
        <Paper withBorder p="xs">
          <Group justify="space-between" mb={4}>
            <Text fw={600}>{group ? t('petitions.representatives') : t('petitions.petitioners')}</Text>
            <Button
              size="compact-sm"
              variant="light"
              disabled={group && rows.length >= maxRepresentatives}
              onClick={() => setRows((rs) => [...rs, { key: nextKey(), name: '', phone: '', idNumber: '', address: '', keyPerson: false }])}
            >
              {t('petitions.addPetitioner')}
            </Button>
          </Group>
          {fe('petitioners') && (
            <Text c="red" size="sm">
              {fe('petitioners')}
            </Text>
          )}
          <Stack gap={4}>
            {rows.map((r, i) =>
              'existing' in r ? (
                <Group key={r.key} gap="xs">
                  <Text size="sm">
                    {r.existing.name} {r.existing.phone ?? ''} {r.existing.idNumber ?? ''}
                  </Text>
                  <Badge variant="light">{t('petitions.visits', { n: r.existing.visits })}</Badge>
                  <ActionIcon variant="subtle" color="gray" aria-label={t('petitions.removePetitioner')} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ) : (
                <Group key={r.key} gap="xs" align="flex-start" wrap="nowrap" data-testid="petitioner-row">
                  <TextInput aria-label={t('petitions.petitionerName')} placeholder={t('petitions.petitionerName')} value={r.name} onChange={(e) => setRow(r.key, { name: e.currentTarget.value })} error={fe(`petitioners.${i}.name`)} w={110} />
                  <TextInput aria-label={t('petitions.phone')} placeholder={t('petitions.phone')} value={r.phone} onChange={(e) => setRow(r.key, { phone: e.currentTarget.value })} error={fe(`petitioners.${i}.phone`)} w={140} />
                  <TextInput aria-label={t('petitions.idNumber')} placeholder={t('petitions.idNumber')} value={r.idNumber} onChange={(e) => setRow(r.key, { idNumber: e.currentTarget.value })} error={fe(`petitioners.${i}.idNumber`)} w={190} />
                  <TextInput aria-label={t('petitions.address')} placeholder={t('petitions.address')} value={r.address} onChange={(e) => setRow(r.key, { address: e.currentTarget.value })} style={{ flex: 1 }} />
                  <Checkbox label={t('petitions.keyPerson')} checked={r.keyPerson} onChange={(e) => setRow(r.key, { keyPerson: e.currentTarget.checked })} mt={8} />
                  <ActionIcon variant="subtle" color="gray" mt={4} aria-label={t('petitions.removePetitioner')} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ),
            )}
          </Stack>
          <TextInput mt="xs" label={t('petitions.searchPetitioner')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
          {(found.data?.length ?? 0) > 0 && search.trim().length >= 2 && (
            <Table>
              <Table.Tbody>
                {found.data!.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.name}</Table.Td>
                    <Table.Td>{p.phone ?? ''}</Table.Td>
                    <Table.Td>{p.idNumber ?? ''}</Table.Td>
                    <Table.Td>{t('petitions.visits', { n: p.visits })}</Table.Td>
                    <Table.Td>
                      <Button size="compact-xs" onClick={() => setRows((rs) => [...rs, { key: nextKey(), existing: p }])} disabled={rows.some((x) => 'existing' in x && x.existing.id === p.id)}>
                        {t('petitions.linkExisting')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
        {error && (
          <Text c="red" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={saving}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
