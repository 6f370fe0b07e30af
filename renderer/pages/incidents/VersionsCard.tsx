/** An incident's versions: each edit's time, author, grade, casualties and reason. */
import { Badge, Paper, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../shared/contract';
import { casualtiesIn } from '../../lib/incident-text';
import { useDesk } from '../../lib/desk-context';
import { formatDateTime } from '../../lib/format';

export function VersionsCard({ d }: { d: IncidentDetail }) {
  const { t, i18n } = useTranslation();
  const { tz } = useDesk();
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('incidents.detail.versions')}
      </Title>
      <Table>
        <Table.Tbody>
          {d.versions.map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td>
                <Badge variant="outline">{v.version}</Badge>
              </Table.Td>
              <Table.Td>{formatDateTime(v.at, tz)}</Table.Td>
              <Table.Td>{v.by}</Table.Td>
              <Table.Td className="dd-wrap">
                {t(`incidents.level.${v.fields.level}`)} · {casualtiesIn(t, i18n.language, v.fields)}
                {v.reason ? ` · ${v.reason}` : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
