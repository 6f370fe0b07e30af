/**
 * 信访汇总: petitions across desks for a date range, in 批/人次 by level
 * (到区 / 到市 / 赴省 / 进京, 上访 only) per desk with the district's total,
 * and the district's petitions by category; printable as an official sheet.
 * Everything comes from the desks' streams (hub.petitions).
 */
import { useState } from 'react';
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { HubCount, HubPetitionTotals } from '../../../shared/hub-console';
import { formatDateTime } from '../../lib/format';
import { errorText } from '../../lib/errors';
import { PrintToolbar } from '../../components/Print/PrintButton';
import { DateField } from '../../components/DateFields/DateFields';
import '../../styles/print-fonts.css';
import '../../styles/official-print.css';
import './summary-print.css';
import { useHubQuery } from './hub-api';
import { useHub } from './hub-context';

export const petitionLevelKeys = ['district', 'city', 'province', 'beijing'] as const;

/** "114批1023人次" / "114 batches, 1023 person-times"; a dash for none. */
export const countText = (t: TFunction, c: HubCount): string => (c.batches === 0 ? '—' : t('hub.petitions.count', { b: c.batches, p: c.personTimes }));

/** The table by level: a row per desk, the district's total last. */
export function PetitionLevelTable({ data, official = false }: { data: HubPetitionTotals; official?: boolean }) {
  const { t } = useTranslation();
  const head = [t('hub.board.desk'), ...petitionLevelKeys.map((l) => t(`petitions.level.${l}`)), t('hub.petitions.visits'), t('hub.petitions.allForms')];
  const rows = [...data.desks.map((d) => ({ key: d.deskId, name: d.unitName, r: d, total: false })), { key: 'district', name: t('hub.petitions.district'), r: data.district, total: true }];
  if (official) {
    return (
      <table data-testid="petition-levels">
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, name, r, total }) => (
            <tr key={key} className={total ? 'total' : undefined}>
              <td>{name}</td>
              {petitionLevelKeys.map((l) => (
                <td key={l} className="c">
                  {countText(t, r.byLevel[l])}
                </td>
              ))}
              <td className="c">{countText(t, r.visits)}</td>
              <td className="c">{countText(t, r.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped withTableBorder data-testid="petition-levels">
        <Table.Thead>
          <Table.Tr>
            {head.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ key, name, r, total }) => (
            <Table.Tr key={key} data-testid={total ? 'petition-district' : 'petition-desk'} fw={total ? 700 : undefined}>
              <Table.Td>{name}</Table.Td>
              {petitionLevelKeys.map((l) => (
                <Table.Td key={l} data-level={l}>
                  {countText(t, r.byLevel[l])}
                </Table.Td>
              ))}
              <Table.Td>{countText(t, r.visits)}</Table.Td>
              <Table.Td>{countText(t, r.total)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CategoryTable({ data, official = false }: { data: HubPetitionTotals; official?: boolean }) {
  const { t } = useTranslation();
  const cats = Object.entries(data.district.byCategory).filter(([, c]) => c.batches > 0);
  if (cats.length === 0) return null;
  if (official) {
    return (
      <table data-testid="petition-categories">
        <thead>
          <tr>
            <th>{t('hub.petitions.category')}</th>
            <th>{t('hub.petitions.allForms')}</th>
          </tr>
        </thead>
        <tbody>
          {cats.map(([c, n]) => (
            <tr key={c}>
              <td>{c}</td>
              <td className="c">{countText(t, n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <Table withTableBorder maw={520} data-testid="petition-categories">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('hub.petitions.category')}</Table.Th>
          <Table.Th>{t('hub.petitions.allForms')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cats.map(([c, n]) => (
          <Table.Tr key={c}>
            <Table.Td>{c}</Table.Td>
            <Table.Td>{countText(t, n)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function PetitionsPage() {
  const { t } = useTranslation();
  const { today } = useHub();
  const navigate = useNavigate();
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const q = useHubQuery('hub.petitions', { from, to }, { refetchInterval: 30_000 });
  return (
    <Stack data-testid="hub-petitions">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('hub.petitions.title')}
        </Title>
        <Button leftSection={<IconPrinter size={16} />} onClick={() => navigate(`/print/petitions/${from}/${to}`)} data-testid="print-petitions" disabled={!q.data}>
          {t('hub.petitions.print')}
        </Button>
      </Group>
      <Group>
        <DateField label={t('hub.incidents.from')} value={from} onChange={(v) => v && setFrom(v)} />
        <DateField label={t('hub.incidents.to')} value={to} onChange={(v) => v && setTo(v)} />
      </Group>
      {q.error && (
        <Text c="red.8" role="alert">
          {errorText(t, q.error)}
        </Text>
      )}
      {q.data && (
        <>
          <PetitionLevelTable data={q.data} />
          <Text size="xs" c="dimmed">
            {t('hub.petitions.note')}
          </Text>
          <Title order={2} size="h4">
            {t('hub.petitions.byCategory')}
          </Title>
          <CategoryTable data={q.data} />
        </>
      )}
    </Stack>
  );
}

/** The printed petitions sheet (`#/print/petitions/:from/:to`). */
export function PetitionsPrintPage() {
  const { from = '', to = '' } = useParams();
  const { t } = useTranslation();
  const { status, tz, clockOffset } = useHub();
  const q = useHubQuery('hub.petitions', { from, to });
  if (q.error) return <p role="alert">{errorText(t, q.error)}</p>;
  if (!q.data) return null;
  return (
    <div className="dd-official dd-hub-summary" data-testid="petitions-print">
      <h1>{t('hub.petitions.printTitle', { hub: status.hubName })}</h1>
      <div className="meta">
        <span>{t('hub.petitions.range', { from, to })}</span>
        <span>{t('hub.summary.printedAt', { at: formatDateTime(Date.now() + clockOffset, tz) })}</span>
      </div>
      <PetitionLevelTable data={q.data} official />
      <p className="note">{t('hub.petitions.note')}</p>
      <h2>{t('hub.petitions.byCategory')}</h2>
      <CategoryTable data={q.data} official />
      <div className="sign">
        <span>{t('hub.summary.signOfficer')}</span>
        <span>{t('hub.summary.signReviewer')}</span>
      </div>
      <PrintToolbar fallback="/petitions" />
    </div>
  );
}
