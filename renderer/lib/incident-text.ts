/**
 * Incident words in the UI's language: report titles (首报 / 续报二 / 终报 →
 * First report / Follow-up 2 / Final report) and the casualty line.
 *
 * Reports are stored with their official Chinese title (the printed
 * 突发事件信息报告 is a Chinese document and keeps it); the screens show the
 * title in the language the officer reads.
 */
import type { TFunction } from 'i18next';
import { reportTitle, reportTitleEn, type ReportKind } from '../../shared/domain/incident';
import { wanYuan, type ReportableIncident } from '../../shared/domain/incident-report';

const isEnglish = (lang: string): boolean => lang.startsWith('en');

/** A report's title for the screen: `kind` and follow-up number when known. */
export function reportTitleIn(lang: string, kind: ReportKind, followupNo: number | null): string {
  return isEnglish(lang) ? reportTitleEn(kind, followupNo) : reportTitle(kind, followupNo);
}

/** A stored Chinese report title (首报, 续报十二, 终报) for the screen; any other text is returned as it is. */
export function storedReportTitleIn(lang: string, title: string): string {
  if (!isEnglish(lang)) return title;
  if (title === reportTitle('first', null)) return reportTitleEn('first', null);
  if (title === reportTitle('final', null)) return reportTitleEn('final', null);
  for (let n = 1; n < 100; n += 1) if (title === reportTitle('followup', n)) return reportTitleEn('followup', n);
  return title;
}

type Casualties = Pick<ReportableIncident, 'deaths' | 'missing' | 'seriousInjuries' | 'injuries' | 'directLossYuan'>;

/**
 * The casualty line (死亡3人，轻伤6人，初步估计直接经济损失1795.16万元) in the UI's
 * language; in Chinese word for word what the report template writes.
 */
export function casualtiesIn(t: TFunction, lang: string, i: Casualties): string {
  const parts = [i.deaths > 0 ? t('incidents.casualties.deaths', { n: i.deaths }) : t('incidents.casualties.noDeaths')];
  if (i.missing > 0) parts.push(t('incidents.casualties.missing', { n: i.missing }));
  if (i.seriousInjuries > 0) parts.push(t('incidents.casualties.seriousInjuries', { n: i.seriousInjuries }));
  if (i.injuries > 0) parts.push(t('incidents.casualties.injuries', { n: i.injuries }));
  const amount = isEnglish(lang) ? `${new Intl.NumberFormat('en').format(i.directLossYuan)} yuan` : wanYuan(i.directLossYuan);
  parts.push(i.directLossYuan > 0 ? t('incidents.casualties.loss', { amount }) : t('incidents.casualties.lossPending'));
  const text = parts.join(t('incidents.casualties.sep'));
  return isEnglish(lang) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
