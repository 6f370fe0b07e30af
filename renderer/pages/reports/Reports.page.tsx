/** 报表 — daily and zero reports come in a later version. */
import { Alert, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ReportsPage() {
  const { t } = useTranslation();
  return (
    <>
      <Title order={1} size="h2" mb="md">
        {t('nav.reports')}
      </Title>
      <Alert color="gray">{t('reports.planned')}</Alert>
    </>
  );
}
