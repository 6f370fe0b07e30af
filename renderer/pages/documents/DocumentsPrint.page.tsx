/**
 * The printed 来文来电登记簿 (`#/print/documents?from=&to=&kind=&query=`): A4
 * landscape, one row per document or telegram with its 收文号, time, 来文单位,
 * 文号, 标题, 密级, 紧急程度, pages, 拟办意见, 批示, 传阅, deadline and result.
 */
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import type { Input } from '../../../shared/contract';
import { LiveChainHeadStamp } from '../../components/ChainHead/ChainHead';
import { PrintToolbar } from '../../components/Print/PrintButton';
import { useDesk, useNow } from '../../lib/desk-context';
import { errorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import '../../styles/print-fonts.css';
import '../../styles/official-print.css';
import '../../styles/register-print.css';

export function DocumentsPrintPage() {
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const { tz } = useDesk();
  const now = useNow(60_000);
  const kind = params.get('kind');
  const input: Input<'documents.sheet'> = {
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    ...(kind === 'document' || kind === 'telegram' ? { kind } : {}),
    ...(params.get('query') ? { query: params.get('query')! } : {}),
  };
  const q = useApiQuery('documents.sheet', input);
  if (q.error) return <p role="alert">{errorText(t, q.error)}</p>;
  const s = q.data;
  if (!s) return null;
  return (
    <>
    <PrintToolbar title={`${s.unitName}${t('documents.printTitle')}`} fallback="/documents" />
    <div className="dd-official dd-register-print" data-testid="documents-print-page">
      <h1>
        {s.unitName}
        {t('documents.printTitle')}
      </h1>
      <div className="meta">
        <span>
          {s.from} — {s.to}
        </span>
        <span>{t('documents.count', { n: s.items.length })}</span>
      </div>
      <table>
        <thead>
          <tr>
            <th style={{ width: '21mm' }}>{t('documents.no')}</th>
            <th style={{ width: '19mm' }}>{t('documents.receivedAt')}</th>
            <th style={{ width: '36mm' }}>
              {t('documents.fromUnit')} / {t('documents.docNo')}
            </th>
            <th style={{ width: '58mm' }}>{t('documents.titleLabel')}</th>
            <th style={{ width: '11mm' }}>{t('documents.secrecyLabel')}</th>
            <th style={{ width: '11mm' }}>{t('documents.urgencyLabel')}</th>
            <th style={{ width: '8mm' }}>{t('documents.pages')}</th>
            <th style={{ width: '36mm' }}>
              {t('documents.proposal')} / {t('documents.instruction')}
            </th>
            <th style={{ width: '18mm' }}>{t('documents.readers')}</th>
            <th style={{ width: '19mm' }}>{t('documents.dueAt')}</th>
            <th>{t('documents.result')}</th>
          </tr>
        </thead>
        <tbody>
          {s.items.length === 0 && (
            <tr>
              <td colSpan={11} className="c">
                {t('documents.empty')}
              </td>
            </tr>
          )}
          {s.items.map((d) => (
            <tr key={d.id} className={d.overdue ? 'overdue' : undefined} data-testid="documents-print-row">
              <td className="c">
                {d.no}
                <div>{t(`documents.kind.${d.kind}`)}</div>
              </td>
              <td className="c">{formatDateTime(d.receivedAt, tz)}</td>
              <td>
                {d.fromUnit}
                {d.docNo && <div>{d.docNo}</div>}
              </td>
              <td>{d.title}</td>
              <td className="c">{t(`documents.secrecy.${d.secrecy}`)}</td>
              <td className="c">{t(`documents.urgency.${d.urgency}`)}</td>
              <td className="c">{d.pages ?? ''}</td>
              <td>
                {d.proposal}
                {d.instruction && <div>{d.instruction}</div>}
              </td>
              <td>{d.readers.join('、')}</td>
              <td className="c">
                {d.dueAt ? formatDateTime(d.dueAt, tz) : ''}
                {d.overdue && <div>{t('documents.overdueBadge')}</div>}
              </td>
              <td>{d.result}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="sign">{t('documents.printSign')}</div>
      <div className="foot">
        <span>
          {t('documents.printedAt')}：{formatDateTime(now, tz)}
        </span>
        <LiveChainHeadStamp />
      </div>
    </div>
    </>
  );
}
