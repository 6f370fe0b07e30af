/**
 * Print view of the audit log: `#/print/audit?from=…&to=…`. An official-looking
 * A4 document: unit, title, period, the chain head (with QR), every entry of
 * the period, printed-at and page numbers; Save as PDF from the print dialog.
 */
import { Alert, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { call, useApiQuery, type ApiCallError } from '../../api';
import type { AuditEvent } from '../../../shared/audit';
import { useDesk, useNow } from '../../lib/desk-context';
import { formatDateTime } from '../../lib/format';
import { ChainHeadStamp } from '../../components/ChainHead/ChainHead';
import { PrintToolbar } from '../../components/Print/PrintButton';
import '../../styles/print-fonts.css';
import './audit-print.css';

/** A printout beyond this is a job for the CSV export. */
const maxPrintRows = 20_000;

export function AuditPrintPage() {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const now = useNow(60_000);
  const [search] = useSearchParams();
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const head = useApiQuery('audit.head', {});
  // Every entry of the period, page by page (newest first from the core).
  const list = useQuery<{ rows: AuditEvent[]; total: number }, ApiCallError>({
    queryKey: ['audit.print', from, to],
    queryFn: async () => {
      const first = await call('audit.list', { from, to, limit: 500 });
      const rows = [...first.rows];
      while (rows.length < first.total && rows.length < maxPrintRows) {
        const page = await call('audit.list', { from, to, limit: 500, beforeSeq: rows.at(-1)!.seq });
        if (page.rows.length === 0) break;
        rows.push(...page.rows);
      }
      return { rows, total: first.total };
    },
  });
  if (head.isPending || list.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (head.isError || list.isError) {
    return (
      <Alert color="red" m="xl">
        {(head.error ?? list.error)?.error.message}
      </Alert>
    );
  }
  const rows = [...list.data.rows].reverse();
  return (
    <main className="dd-audit-print">
      <PrintToolbar title={t('trust.audit.printTitle', { unit: head.data.unitName, from, to })} fallback="/audit" />
      <header className="dd-audit-print-head">
        <h1>{t('trust.audit.printTitle', { unit: head.data.unitName, from, to })}</h1>
        <ChainHeadStamp head={head.data} />
        <p>
          {t('trust.audit.total', { total: list.data.total })} · {t('trust.audit.printedAt', { at: formatDateTime(now, tz) })}
        </p>
      </header>
      {rows.length === 0 ? (
        <p>{t('trust.audit.noRows')}</p>
      ) : (
        <table className="dd-audit-print-table">
          <thead>
            <tr>
              <th>{t('trust.audit.columns.seq')}</th>
              <th>{t('trust.audit.columns.at')}</th>
              <th>{t('trust.audit.columns.actor')}</th>
              <th>{t('trust.audit.columns.action')}</th>
              <th>{t('trust.audit.columns.entity')}</th>
              <th>{t('trust.audit.columns.reason')}</th>
              <th>{t('trust.audit.columns.hash')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.seq}>
                <td>{r.seq}</td>
                <td>{formatDateTime(r.at, tz)}</td>
                <td>{r.actor}</td>
                <td>{r.action}</td>
                <td>
                  {r.entity}
                  {r.entityId ? ` #${r.entityId.slice(0, 12)}` : ''}
                </td>
                <td>{r.reason}</td>
                <td className="dd-hash">{r.hash.slice(0, 16)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
