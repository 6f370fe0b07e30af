/**
 * Add or edit a person; a new person may get their login in the same dialog
 * (同时创建登录账号): one write, both rows or neither.
 */
import { Checkbox, Collapse, Group, NumberInput, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { personRoles, userRoles, type PersonRole, type UserRole } from '../../../shared/roles';
import type { Person } from '../../../shared/contract';
import { FormModal } from '../../components/FormModal/FormModal';

const loginRolesOf = (roles: readonly PersonRole[]): UserRole[] => {
  const r = userRoles.filter((u) => roles.includes(u) || (u === 'leader' && roles.includes('principal')));
  return r.length ? r : ['officer'];
};

export function PersonForm({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: {
      name: person?.name ?? '',
      department: person?.department ?? '',
      title: person?.title ?? '',
      officePhone: person?.officePhone ?? '',
      mobile: person?.mobile ?? '',
      roles: (person?.roles ?? ['officer']) as PersonRole[],
      sortOrder: person?.sortOrder ?? 0,
      createLogin: false,
      account: { login: '', password: '', roles: ['officer'] as UserRole[], touched: false },
    },
  });
  const { createLogin, account, ...fields } = form.values;
  const save = (v: typeof form.values) => {
    const { createLogin: withLogin, account: a, ...f } = v;
    if (person) return call('people.update', { id: person.id, ...f });
    return call('people.create', withLogin ? { ...f, account: { login: a.login, password: a.password, roles: a.roles } } : f);
  };
  // The login's roles follow the person's duty roles until the admin picks them.
  const loginRoles = account.touched ? account.roles : loginRolesOf(fields.roles);
  return (
    <FormModal
      title={person ? t('people.edit') : t('people.add')}
      form={form}
      onClose={onClose}
      save={(v) => save({ ...v, account: { ...v.account, roles: loginRoles } })}
    >
      <SimpleGrid cols={2}>
        <TextInput label={t('people.name')} required data-autofocus {...form.getInputProps('name')} />
        <TextInput label={t('people.department')} {...form.getInputProps('department')} />
        <TextInput label={t('people.title')} {...form.getInputProps('title')} />
        <NumberInput label={t('people.sortOrder')} min={0} {...form.getInputProps('sortOrder')} />
        <TextInput label={t('people.mobile')} {...form.getInputProps('mobile')} />
        <TextInput label={t('people.officePhone')} {...form.getInputProps('officePhone')} />
      </SimpleGrid>
      <Checkbox.Group label={t('people.roles')} {...form.getInputProps('roles')}>
        <Group mt="xs">
          {personRoles.map((r) => (
            <Checkbox key={r} value={r} label={t(`roles.${r}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      {!person && (
        <Stack gap="xs" data-testid="person-login">
          <Checkbox label={t('people.createLogin')} {...form.getInputProps('createLogin', { type: 'checkbox' })} />
          <Collapse expanded={createLogin}>
            {createLogin && (
              <Stack gap="sm" pl="lg">
                <Text size="sm" c="dimmed">
                  {t('people.createLoginHint')}
                </Text>
                <SimpleGrid cols={2}>
                  <TextInput label={t('users.login')} required autoComplete="off" {...form.getInputProps('account.login')} />
                  <PasswordInput
                    label={t('users.password')}
                    description={t('validation.passwordWeak')}
                    required
                    autoComplete="new-password"
                    {...form.getInputProps('account.password')}
                  />
                </SimpleGrid>
                <Checkbox.Group
                  label={t('people.loginRoles')}
                  required
                  value={loginRoles}
                  onChange={(v) => form.setFieldValue('account', { ...account, roles: v as UserRole[], touched: true })}
                  error={form.errors['account.roles']}
                >
                  <Group mt="xs">
                    {userRoles.map((r) => (
                      <Checkbox key={r} value={r} label={t(`roles.${r}`)} />
                    ))}
                  </Group>
                </Checkbox.Group>
              </Stack>
            )}
          </Collapse>
        </Stack>
      )}
    </FormModal>
  );
}
