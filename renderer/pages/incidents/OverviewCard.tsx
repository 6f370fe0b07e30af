/**
 * An incident's facts.
 *
 * When, where, who reported it, casualties, the suggested grade and its basis,
 * the description.
 */
import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../shared/contract';
import { casualtiesIn } from '../../lib/incident-text';
import { useDesk } from '../../lib/desk-context';
import { formatDateTime } from '../../lib/format';

export function OverviewCard({ inc }: { inc: Incident }) {
  const { t, i18n } = useTranslation();
  const { tz } = useDesk();
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('incidents.detail.overview')}
      </Title>
      <SimpleGrid cols={2} spacing={4}>
        <Fact label={t('incidents.form.occurredAt')} value={formatDateTime(inc.occurredAt, tz)} />
        <Fact label={t('incidents.form.learnedAt')} value={formatDateTime(inc.learnedAt, tz)} />
        <Fact label={t('incidents.form.location')} value={inc.location} />
        <Fact label={t('incidents.form.unit')} value={inc.unit} />
        <Fact label={t('incidents.form.source')} value={inc.source} />
        <Fact label={t('incidents.detail.status')} value={t(`incidents.status.${inc.status}`)} />
      </SimpleGrid>
      <Text mt="xs" data-testid="casualties">
        {casualtiesIn(t, i18n.language, inc)}
      </Text>
      {inc.suggestedLevel && (
        <Text size="sm" c="dimmed">
          {inc.suggestedBasis.length
            ? t('incidents.form.suggested', {
                level: t(`incidents.level.${inc.suggestedLevel}`),
                basis: inc.suggestedBasis.map((b) => t(`incidents.basis.${b}`)).join(t('common.listComma')),
              })
            : t('incidents.form.suggestedNone')}
        </Text>
      )}
      {inc.supplementUntil && (
        <Text size="sm" c="dimmed">
          {t('incidents.detail.supplementUntil', { at: formatDateTime(inc.supplementUntil, tz) })}
        </Text>
      )}
      {inc.description && (
        <Text mt="xs" className="dd-wrap" style={{ whiteSpace: 'pre-wrap' }}>
          {inc.description}
        </Text>
      )}
    </Paper>
  );
}

function Fact({ label, value }: { label: string; value: string | null }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" className="dd-wrap">
      <Text span c="dimmed">
        {label}
        {t('common.colon')}
      </Text>
      {value ?? '—'}
    </Text>
  );
}
