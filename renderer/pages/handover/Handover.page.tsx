/** 交接班 — handover comes in a later version; the section exists so the layout is final. */
import { Alert, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function HandoverPage() {
  const { t } = useTranslation();
  return (
    <>
      <Title order={1} size="h2" mb="md">
        {t('nav.handover')}
      </Title>
      <Alert color="gray">{t('handover.planned')}</Alert>
    </>
  );
}
