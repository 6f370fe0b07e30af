/**
 * Sections other domains add to the daily report (值班日报): petitions (信访),
 * supervised items (督办事项), incoming documents (来文) …
 *
 * Each domain exposes one function in its own service.ts that, given the
 * report's period, returns its section (or null when it has nothing to say),
 * and lists it here. A section's `reportable` count makes the day "有事": no
 * zero report. The section's rows appear in the report's table, its print
 * and its Excel file, and are summed in the weekly and monthly roll-ups.
 */
import type { ReportSection } from '../../../shared/contract/reports';
import type { Db } from '../store/connection';
import { handoverReportSection } from '../handover/service';

export type ReportSectionSource = (db: Db, period: { start: number; end: number }) => ReportSection | null;

/** Every domain's section, in print order. Issue 14 adds petitions, supervised items and incoming documents here. */
export const reportSections: readonly ReportSectionSource[] = [handoverReportSection];
