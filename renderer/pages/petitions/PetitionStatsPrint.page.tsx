/**
 * The printed 信访情况统计表 (`#/print/petitions/stats?from=&to=`): A4 portrait,
 * the period with its 环比 and 同比 periods, the table in 批 and 人次, leaders'
 * cases, supervision and follow-ups, signature lines, page x of y and the
 * audit chain head.
 */
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { LiveChainHeadStamp } from '../../components/ChainHead/ChainHead';
import { PrintToolbar } from '../../components/Print/PrintButton';
import { useDesk, useNow } from '../../lib/desk-context';
import { errorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { periodLabel, statsTable } from './lib';
import '../../styles/print-fonts.css';
import '../../styles/official-print.css';
import './petition-print.css';

export function PetitionStatsPrintPage() {
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation();
  const { tz } = useDesk();
  const now = useNow(60_000);
  const q = useApiQuery('petitions.stats', { from: params.get('from') ?? '', to: params.get('to') ?? '' });
  if (q.error) return <p role="alert">{errorText(t, q.error)}</p>;
  const s = q.data;
  if (!s) return null;
  const lang = i18n.language;
  return (
    <>
    <PrintToolbar title={`${s.unitName}${t('petitions.stats.title')}`} fallback="/petitions" />
    <div className="dd-official dd-petition-print" data-testid="petition-stats-print-page">
      <h1>
        {s.unitName}
        {t('petitions.stats.title')}
      </h1>
      <div className="meta">
        <span>
          {t('petitions.stats.period')}：{s.periodName ? `${s.periodName}（${periodLabel(s.current.from, s.current.to, lang)}）` : periodLabel(s.current.from, s.current.to, lang)}
        </span>
      </div>
      <div className="meta small">
        <span>
          {t('petitions.stats.previous')}：{periodLabel(s.previous.from, s.previous.to, lang)}
        </span>
        <span>
          {t('petitions.stats.lastYear')}：{periodLabel(s.lastYear.from, s.lastYear.to, lang)}
        </span>
      </div>
      <table>
        <thead>
          <tr>
            <th style={{ width: '38mm' }}>{t('petitions.stats.colItem')}</th>
            <th>{t('petitions.stats.colCurrent')}</th>
            <th>{t('petitions.stats.colPrevious')}</th>
            <th>{t('petitions.stats.colMom')}</th>
            <th>{t('petitions.stats.colLastYear')}</th>
            <th>{t('petitions.stats.colYoy')}</th>
          </tr>
        </thead>
        <tbody>
          {statsTable(s, t, lang).map((r) => (
            <tr key={r.key} className={r.depth === 0 ? 'head' : undefined}>
              <td className={r.depth === 1 ? 'sub' : undefined}>{r.label}</td>
              <td className="c">{r.current}</td>
              <td className="c">{r.previous}</td>
              <td className="change">{r.mom}</td>
              <td className="c">{r.lastYear}</td>
              <td className="change">{r.yoy}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('petitions.stats.casesLine', { ...s.cases, supervised: s.supervised, followups: s.followups })}</p>
      <div className="sign">{t('petitions.stats.sign')}</div>
      <div className="foot">
        <span>
          {t('petitions.stats.printedAt')}：{formatDateTime(now, tz)}
        </span>
        <LiveChainHeadStamp />
      </div>
    </div>
    </>
  );
}
