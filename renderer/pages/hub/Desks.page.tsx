/** 台席登记: one-time enrolment codes (shown once) and the desks enrolled. */
import { useState } from 'react';
import { Alert, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { notifyError } from '../../lib/errors';
import { hubCall, useHubQuery } from './hub-api';
import { useHub } from './hub-context';
import { LinkCell } from './Board.page';

export function DesksPage() {
  const { t } = useTranslation();
  const { tz, today, isAdmin } = useHub();
  const board = useHubQuery('hub.board', { date: today });
  const [unit, setUnit] = useState('');
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const create = async () => {
    try {
      setCode(await hubCall('hub.createCode', { unitHint: unit.trim() || null }));
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('hub.desks.title')}
      </Title>
      {isAdmin && (
        <Card withBorder maw={640}>
          <Stack>
            <Text size="sm">{t('hub.desks.intro')}</Text>
            <Group align="flex-end">
              <TextInput label={t('hub.desks.unitHint')} value={unit} onChange={(e) => setUnit(e.currentTarget.value)} />
              <Button leftSection={<IconKey size={16} />} onClick={() => void create()} data-testid="create-code">
                {t('hub.desks.create')}
              </Button>
            </Group>
            {code && (
              <Alert color="green" data-testid="enrol-code">
                <Text ff="monospace" fw={700} size="lg">
                  {t('hub.desks.code', { code: code.code, until: formatDateTime(code.expiresAt, tz) })}
                </Text>
              </Alert>
            )}
          </Stack>
        </Card>
      )}
      <Title order={2} size="h4">
        {t('hub.desks.enrolled')}
      </Title>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('hub.board.desk')}</Table.Th>
            <Table.Th>{t('hub.desks.enrolledAt')}</Table.Th>
            <Table.Th>{t('hub.board.link')}</Table.Th>
            <Table.Th>{t('hub.desks.headSeq')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(board.data?.desks ?? []).map((d) => (
            <Table.Tr key={d.deskId}>
              <Table.Td>
                {d.unitName} <Text span size="xs" c="dimmed">{d.deskId}</Text>
              </Table.Td>
              <Table.Td>{formatDateTime(d.enrolledAt, tz)}</Table.Td>
              <Table.Td>
                <LinkCell d={d} />
              </Table.Td>
              <Table.Td>{d.headSeq}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
