/**
 * One target desk of something the hub sent down (a notice, a holiday table,
 * report rules): its unit, where it stands — not received, received/waiting,
 * done or declined — and when and by whom.
 */
import { Badge, Table } from '@mantine/core';
import type { HubSentNotice } from '../../../shared/hub-console';
import { formatDateTime } from '../../lib/format';

export function DeskDeliveryCells({ d, tz, labels }: { d: HubSentNotice['desks'][number]; tz: string; labels: { done: string; declined: string; received: string; notReceived: string } }) {
  return (
    <>
      <Table.Td>{d.unitName}</Table.Td>
      <Table.Td>
        {d.handled ? (
          <Badge color={d.declined ? '#a34700' : '#1e6b30'} variant="filled">
            {d.declined ? labels.declined : labels.done}
          </Badge>
        ) : (
          <Badge color={d.received ? '#0d56b3' : '#495057'} variant="filled">
            {d.received ? labels.received : labels.notReceived}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{d.handled ? `${d.handledBy ?? ''} ${formatDateTime(d.handled, tz)}` : d.received ? formatDateTime(d.received, tz) : ''}</Table.Td>
    </>
  );
}
