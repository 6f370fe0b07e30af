/**
 * Schema migrations, tracked by `PRAGMA user_version`.
 *
 * Numbered in steps of 10 (0010, 0020 …) so a later fix can slot in between.
 * All pending steps run in one transaction after a backup of the old file;
 * a database newer than the app is refused before anything is written.
 */
import type Database from 'better-sqlite3';
import { m0010Foundation } from './0010-foundation';
import { m0020Roster } from './0020-roster';
import { m0030Incidents } from './0030-incidents';
import { m0040Trust } from './0040-trust';
import { m0050AuditLean } from './0050-audit-lean';
import { m0060OneSettingsStore } from './0060-one-settings-store';
import { m0070BasisAndStandby } from './0070-basis-and-standby';
import { m0090DutyDay } from './0090-duty-day';
import { m0100Registers } from './0100-registers';
import { m0110Uplink } from './0110-uplink';
import { m0130ShiftHandovers } from './0130-shift-handovers';
import { m0160UplinkReportRules } from './0160-uplink-report-rules';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}

export const migrations: readonly Migration[] = [
  m0010Foundation,
  m0020Roster,
  m0030Incidents,
  m0040Trust,
  m0050AuditLean,
  m0060OneSettingsStore,
  m0070BasisAndStandby,
  m0090DutyDay,
  m0100Registers,
  m0110Uplink,
  m0130ShiftHandovers,
  m0160UplinkReportRules,
];

export const latestVersion = migrations.reduce((v, m) => Math.max(v, m.version), 0);

export interface MigrationOutcome {
  from: number;
  to: number;
  applied: string[];
  backupFile: string | null;
}

export function migrate(
  db: Database.Database,
  opts: { backup?: (fromVersion: number) => string; target?: number } = {},
): MigrationOutcome {
  const from = db.pragma('user_version', { simple: true }) as number;
  const target = opts.target ?? latestVersion;
  if (from > latestVersion) throw new Error(`schema ${from} newer than ${latestVersion}`);
  const pending = migrations.filter((m) => m.version > from && m.version <= target).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return { from, to: from, applied: [], backupFile: null };
  // A fresh database (version 0) has nothing worth backing up.
  const backupFile = from > 0 && opts.backup ? opts.backup(from) : null;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return { from, to: pending[pending.length - 1]!.version, applied: pending.map((m) => m.name), backupFile };
}
