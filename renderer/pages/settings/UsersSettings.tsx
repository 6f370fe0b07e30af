/**
 * Users: create, change roles, deactivate, reset passwords.
 */
import { useState } from 'react';
import { Badge, Button, Checkbox, Group, Modal, PasswordInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { call, useApiQuery } from '../../api';
import { userRoles, type UserRole } from '../../../shared/roles';
import type { User } from '../../../shared/contract';
import { errorText, notifyError, notifySaved } from '../../lib/errors';
import { FormModal } from '../../components/FormModal/FormModal';
import { formatDateTime } from '../../lib/format';
import { useDesk } from '../../lib/desk-context';

function UserForm({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const people = useApiQuery('people.list', {});
  const form = useForm({
    initialValues: {
      login: user?.login ?? '',
      password: '',
      displayName: user?.displayName ?? '',
      personId: user?.personId ? String(user.personId) : '',
      roles: (user?.roles ?? ['officer']) as UserRole[],
    },
  });
  const save = (v: typeof form.values) => {
    const personId = v.personId ? Number(v.personId) : null;
    return user
      ? call('users.update', { id: user.id, displayName: v.displayName, personId, roles: v.roles })
      : call('users.create', { login: v.login, password: v.password, displayName: v.displayName, personId, roles: v.roles });
  };
  return (
    <FormModal title={user ? t('users.edit') : t('users.add')} form={form} onClose={onClose} save={save} size="md">
      <TextInput label={t('users.login')} required disabled={!!user} {...form.getInputProps('login')} />
      {!user && <PasswordInput label={t('users.password')} description={t('validation.passwordWeak')} required {...form.getInputProps('password')} />}
      <TextInput label={t('users.displayName')} required {...form.getInputProps('displayName')} />
      <Select
        label={t('users.person')}
        clearable
        searchable
        data={(people.data ?? []).map((p) => ({ value: String(p.id), label: `${p.name}${p.department ? ` · ${p.department}` : ''}` }))}
        {...form.getInputProps('personId')}
      />
      <Checkbox.Group label={t('people.roles')} {...form.getInputProps('roles')}>
        <Group mt="xs">
          {userRoles.map((r) => (
            <Checkbox key={r} value={r} label={t(`roles.${r}`)} />
          ))}
        </Group>
      </Checkbox.Group>
    </FormModal>
  );
}

function ResetPassword({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title={t('users.resetPasswordFor', { name: user.displayName })}>
      <Stack>
        <PasswordInput label={t('users.newPassword')} description={t('validation.passwordWeak')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
        {error && <Text c="red">{error}</Text>}
        <Group justify="flex-end">
          <Button
            onClick={async () => {
              try {
                await call('users.resetPassword', { id: user.id, password });
                notifySaved();
                onClose();
              } catch (e) {
                setError(errorText(t, e));
              }
            }}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function UsersSettings() {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const users = useApiQuery('users.list', {});
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  return (
    <Stack>
      <Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('users.add')}
        </Button>
      </Group>
      <Table striped data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.login')}</Table.Th>
            <Table.Th>{t('users.displayName')}</Table.Th>
            <Table.Th>{t('people.roles')}</Table.Th>
            <Table.Th>{t('users.lastLogin')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.data?.map((u) => (
            <Table.Tr key={u.id} opacity={u.active ? 1 : 0.55}>
              <Table.Td ff="monospace">{u.login}</Table.Td>
              <Table.Td className="dd-wrap">{u.displayName}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {u.roles.map((r) => (
                    <Badge key={r} size="sm" variant="light">
                      {t(`roles.${r}`)}
                    </Badge>
                  ))}
                  {!u.active && (
                    <Badge size="sm" color="gray">
                      {t('common.inactive')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, tz) : '—'}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" variant="default" onClick={() => setEditing(u)}>
                    {t('common.edit')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setResetting(u)}>
                    {t('users.resetPassword')}
                  </Button>
                  <Button
                    size="xs"
                    variant="light"
                    color="gray"
                    onClick={async () => {
                      try {
                        await call('users.update', { id: u.id, active: !u.active });
                      } catch (e) {
                        notifyError(e);
                      }
                    }}
                  >
                    {u.active ? t('common.deactivate') : t('common.reactivate')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <UserForm user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPassword user={resetting} onClose={() => setResetting(null)} />}
    </Stack>
  );
}
