/**
 * Print view of a roster: `#/print/roster/:planId?version=N&layout=departments`
 * (the default is the month in portrait; `departments` the landscape grid). One view serves
 * the Electron print dialog / printToPDF and Chromium's page.pdf in browser
 * mode; the toolbar is hidden on paper.
 */
import { Alert, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useApiQuery } from '../../api';
import { RosterSheet } from './RosterSheet';
import { RosterDepartmentSheet } from './RosterDepartmentSheet';
import { PrintToolbar } from '../../components/Print/PrintButton';

export function RosterPrintPage() {
  const { t } = useTranslation();
  const { planId } = useParams();
  const [search] = useSearchParams();
  const version = search.get('version');
  const byDepartment = search.get('layout') === 'departments';
  const q = useApiQuery('roster.printData', { planId: Number(planId), ...(version ? { version: Number(version) } : {}) });
  if (q.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (q.isError) {
    return (
      <Alert color="red" m="xl">
        {q.error.error.message}
      </Alert>
    );
  }
  return (
    <main className="dd-roster-print-page">
      <PrintToolbar title={q.data.title} fallback="/roster" />
      {byDepartment ? <RosterDepartmentSheet data={q.data} /> : <RosterSheet data={q.data} />}
    </main>
  );
}
