/**
 * 通讯录 — the unit's people and external contacts.
 *
 * Search by name, phone digits or pinyin initials (张三 → zs); one click copies
 * a number. People are deactivated with a reason, never deleted.
 */
import { PrintActions } from '../../components/Print/PrintButton';
import { useState } from 'react';
import { Badge, Button, Group, Stack, Table, Tabs, Text, TextInput, Title, Switch } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileSpreadsheet, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { call, useApiQuery } from '../../api';
import { notifyError } from '../../lib/errors';
import { downloadFile } from '../roster/lib';
import { useHasRole } from '../../lib/desk-context';
import { CopyNumber } from '../../components/CopyNumber/CopyNumber';
import { PersonForm } from './PersonForm';
import { ContactForm } from './ContactForm';
import { SetActiveButton } from './SetActiveButton';
import type { Contact, Person } from '../../../shared/contract';

function Phone({ value }: { value: string | null }) {
  return value ? <CopyNumber value={value} size="sm" /> : <Text c="dimmed">—</Text>;
}

function PeopleTab({ query, includeInactive }: { query: string; includeInactive: boolean }) {
  const { t } = useTranslation();
  const isAdmin = useHasRole('admin');
  const people = useApiQuery('people.list', { query, includeInactive });
  // Admins see who has a login, so deactivating such a person says the login stops too.
  const users = useApiQuery('users.list', {}, { enabled: isAdmin });
  const withLogin = new Set((users.data ?? []).filter((u) => u.active && u.personId !== null).map((u) => u.personId));
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  return (
    <Stack>
      {isAdmin && (
        <Group>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('people.add')}
          </Button>
        </Group>
      )}
      <Table striped highlightOnHover data-testid="people-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('people.name')}</Table.Th>
            <Table.Th>{t('people.department')}</Table.Th>
            <Table.Th>{t('people.title')}</Table.Th>
            <Table.Th>{t('people.mobile')}</Table.Th>
            <Table.Th>{t('people.officePhone')}</Table.Th>
            <Table.Th>{t('people.roles')}</Table.Th>
            {isAdmin && <Table.Th>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.data?.map((p) => (
            <Table.Tr key={p.id} opacity={p.active ? 1 : 0.55}>
              <Table.Td className="dd-wrap">
                <Text fw={600} span>
                  {p.name}
                </Text>
                {!p.active && (
                  <Badge ml="xs" color="gray" size="xs">
                    {t('common.inactive')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td className="dd-wrap">{p.department}</Table.Td>
              <Table.Td className="dd-wrap">{p.title}</Table.Td>
              <Table.Td>
                <Phone value={p.mobile} />
              </Table.Td>
              <Table.Td>
                <Phone value={p.officePhone} />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {p.roles.map((r) => (
                    <Badge key={r} variant="light" size="sm">
                      {t(`roles.${r}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              {isAdmin && (
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="default" onClick={() => setEditing(p)}>
                      {t('common.edit')}
                    </Button>
                    <SetActiveButton method="people.setActive" id={p.id} name={p.name} active={p.active} hasLogin={withLogin.has(p.id)} />
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {people.data?.length === 0 && <Text c="dimmed">{t('directory.empty')}</Text>}
      {editing && <PersonForm person={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function ContactsTab({ query, includeInactive }: { query: string; includeInactive: boolean }) {
  const { t } = useTranslation();
  const isAdmin = useHasRole('admin');
  const contacts = useApiQuery('contacts.list', { query, includeInactive });
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  return (
    <Stack>
      {isAdmin && (
        <Group>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('contacts.add')}
          </Button>
        </Group>
      )}
      <Table striped highlightOnHover data-testid="contacts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contacts.kind')}</Table.Th>
            <Table.Th>{t('contacts.name')}</Table.Th>
            <Table.Th>{t('contacts.unit')}</Table.Th>
            <Table.Th>{t('contacts.phone')}</Table.Th>
            <Table.Th>{t('people.mobile')}</Table.Th>
            <Table.Th>{t('desk.fax')}</Table.Th>
            <Table.Th>{t('contacts.note')}</Table.Th>
            {isAdmin && <Table.Th>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.data?.map((c) => (
            <Table.Tr key={c.id} opacity={c.active ? 1 : 0.55}>
              <Table.Td>
                <Badge variant="light">{t(`contacts.kinds.${c.kind}`)}</Badge>
              </Table.Td>
              <Table.Td className="dd-wrap" fw={600}>
                {c.name}
              </Table.Td>
              <Table.Td className="dd-wrap">{c.unit}</Table.Td>
              <Table.Td>
                <Phone value={c.phone} />
              </Table.Td>
              <Table.Td>
                <Phone value={c.mobile} />
              </Table.Td>
              <Table.Td>
                <Phone value={c.fax} />
              </Table.Td>
              <Table.Td className="dd-wrap">{c.note}</Table.Td>
              {isAdmin && (
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="default" onClick={() => setEditing(c)}>
                      {t('common.edit')}
                    </Button>
                    <SetActiveButton method="contacts.setActive" id={c.id} name={c.name} active={c.active} />
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {contacts.data?.length === 0 && <Text c="dimmed">{t('directory.empty')}</Text>}
      {editing && <ContactForm contact={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

export function DirectoryPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 150);
  const [includeInactive, setIncludeInactive] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">{t('nav.directory')}</Title>
        <Group>
          <PrintActions route="/print/directory" label={t('directory.print')} testId="directory-print-button" />
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} />}
            onClick={() => void call('directory.exportXlsx', includeInactive ? { includeInactive } : {}).then((f) => downloadFile(f, true), notifyError)}
          >
            {t('directory.export')}
          </Button>
          <Switch label={t('directory.showInactive')} checked={includeInactive} onChange={(e) => setIncludeInactive(e.currentTarget.checked)} />
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder={t('directory.searchPlaceholder')}
            aria-label={t('common.search')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={280}
            data-testid="directory-search"
          />
        </Group>
      </Group>
      <Tabs defaultValue="people" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="people">{t('directory.people')}</Tabs.Tab>
          <Tabs.Tab value="contacts">{t('directory.contacts')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="people" pt="md">
          <PeopleTab query={query} includeInactive={includeInactive} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts" pt="md">
          <ContactsTab query={query} includeInactive={includeInactive} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
