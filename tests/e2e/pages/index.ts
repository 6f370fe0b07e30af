/**
 * Page models of the app's screens, one module per screen group.
 *
 * Tests reach elements through these (test ids, labels and roles live here)
 * and keep their assertions in the test. `appPages(page)` builds them all for
 * one browser page.
 */
import type { Page } from 'playwright-core';
import { LockScreen, LoginPage, SetupPage } from './auth';
import { ConsolePage, WallboardPage } from './console';
import { DirectoryPage, DirectoryPrintPage } from './directory';
import { IncidentDetailPage, IncidentForm, IncidentListPage, ReportPrintPage } from './incidents';
import { LogBookPage, LogBookPrintPage } from './logbook';
import { RosterPage, RosterPrintPage } from './roster';
import { SettingsPage } from './settings';
import { Shell } from './shell';
import { AuditPage, AuditPrintPage } from './trust';
import { DocumentsPage, LedgerPage, PetitionForm, PetitionsPage } from './registers';
import { AttendanceScreen, DutyDayConsole, HandoverScreen, LeaderScreen, PresenceScreen, ReportsScreen } from './duty-day';
import { PrintView } from './print';

export function appPages(page: Page) {
  return {
    page,
    shell: new Shell(page),
    printView: new PrintView(page),
    setup: new SetupPage(page),
    login: new LoginPage(page),
    lock: new LockScreen(page),
    console: new ConsolePage(page),
    wallboard: new WallboardPage(page),
    logBook: new LogBookPage(page),
    logBookPrint: new LogBookPrintPage(page),
    incidents: new IncidentListPage(page),
    incidentForm: new IncidentForm(page),
    incident: new IncidentDetailPage(page),
    reportPrint: new ReportPrintPage(page),
    roster: new RosterPage(page),
    rosterPrint: new RosterPrintPage(page),
    directory: new DirectoryPage(page),
    directoryPrint: new DirectoryPrintPage(page),
    settings: new SettingsPage(page),
    audit: new AuditPage(page),
    auditPrint: new AuditPrintPage(page),
    petitions: new PetitionsPage(page),
    petitionForm: new PetitionForm(page),
    ledger: new LedgerPage(page),
    documents: new DocumentsPage(page),
    dutyConsole: new DutyDayConsole(page),
    handover: new HandoverScreen(page),
    presence: new PresenceScreen(page),
    reports: new ReportsScreen(page),
    leader: new LeaderScreen(page),
    attendance: new AttendanceScreen(page),
  };
}
export type AppPages = ReturnType<typeof appPages>;

export * from './auth';
export * from './console';
export * from './directory';
export * from './incidents';
export * from './logbook';
export * from './roster';
export * from './settings';
export * from './shell';
export * from './trust';
export * from './registers';
export { AttendanceScreen, DutyDayConsole, HandoverScreen, LeaderScreen, PresenceScreen, ReportsScreen, quiet } from './duty-day';
