/**
 * Sections other domains add to the daily report (值班日报): petitions (信访),
 * supervised items (督办事项), incoming documents (来文) …
 *
 * Each domain exposes a function in its own service.ts counting a duty day
 * (petitionDayCounts, ledgerDayCounts, documentDayCounts); a source here turns
 * it into a section for the duty day that hands over inside the report's
 * period. A section's `reportable` count makes the day "有事": no zero report
 * — petitions that went to the province or Beijing or were 非正常, their
 * overdue deadlines, and supervised items past their deadline ("an item past
 * its deadline stays open and is reported", DOMAIN §6). Incoming documents are
 * counted, not reportable by themselves. A new domain adds its source to
 * `reportSections`.
 */
import type { ReportSection } from '../../../shared/contract/reports';
import { petitionLevels } from '../../../shared/domain/petition';
import type { ReadCtx } from '../context';
import { documentDayCounts } from '../documents/service';
import { handoverReportSection } from '../handover/service';
import { ledgerDayCounts } from '../ledger/service';
import { petitionDayCounts } from '../petitions/service';

export type ReportSectionSource = (ctx: ReadCtx, period: { start: number; end: number; dutyDate: string | null }) => ReportSection | null;

const petitionsSection: ReportSectionSource = (ctx, { dutyDate }) => {
  if (!dutyDate) return null;
  const c = petitionDayCounts(ctx, dutyDate);
  const times = (n: { batches: number; personTimes: number }) => ({ key: 'reports.section.times', params: { b: n.batches, p: n.personTimes } });
  return {
    key: 'petitions',
    titleKey: 'reports.section.petitions',
    rows: [
      { labelKey: 'reports.section.total', value: times(c.total) },
      ...petitionLevels.filter((l) => c.byLevel[l].batches > 0).map((l) => ({ labelKey: `petitions.level.${l}`, value: times(c.byLevel[l]) })),
      { labelKey: 'reports.section.group', value: times(c.group) },
      { labelKey: 'reports.section.abnormal', value: times(c.abnormal) },
      { labelKey: 'reports.section.overdue', value: c.overdue },
    ],
    reportable: c.byLevel.province.batches + c.byLevel.beijing.batches + c.abnormal.batches + c.overdue,
    count: c.total.batches,
  };
};

const ledgerSection: ReportSectionSource = (ctx, { dutyDate }) => {
  if (!dutyDate) return null;
  const c = ledgerDayCounts(ctx, dutyDate);
  if (c.entered + c.closed + c.open === 0) return null;
  return {
    key: 'ledger',
    titleKey: 'reports.section.ledger',
    rows: [
      { labelKey: 'reports.section.entered', value: c.entered },
      { labelKey: 'reports.section.closed', value: c.closed },
      { labelKey: 'reports.section.open', value: c.open },
      { labelKey: 'reports.section.overdueItems', value: c.overdue.map((o) => `${o.no} ${o.title}（${o.ownerUnit}，${o.deadline}）`).join('；') || 0 },
    ],
    reportable: c.overdue.length,
    count: c.entered,
  };
};

const documentsSection: ReportSectionSource = (ctx, { dutyDate }) => {
  if (!dutyDate) return null;
  const c = documentDayCounts(ctx, dutyDate);
  if (c.documents + c.telegrams + c.overdue === 0) return null;
  return {
    key: 'documents',
    titleKey: 'reports.section.documents',
    rows: [
      { labelKey: 'reports.section.documentsIn', value: c.documents },
      { labelKey: 'reports.section.telegrams', value: c.telegrams },
      { labelKey: 'reports.section.overdue', value: c.overdue },
    ],
    reportable: 0,
    count: c.documents + c.telegrams,
  };
};

const todosSection: ReportSectionSource = (ctx, period) => handoverReportSection(ctx.db, period);

/** Every domain's section, in print order. */
export const reportSections: readonly ReportSectionSource[] = [petitionsSection, ledgerSection, documentsSection, todosSection];
