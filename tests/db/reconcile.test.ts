/**
 * Records reconciled with the chain (issue 12 §2): an edit behind the app's
 * back — `sqlite3 dutydesk.sqlite "UPDATE log_entries SET summary=…"` — is
 * named by table, id and field, by the integrity check and by the verifier.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDesk, type TestDesk } from '../helpers/core';
import { reconcileRecords } from '../../electron/core/trust/reconcile';
import { populateFuzzDesk } from './fuzz-desk';
import { cheapenScrypt } from './fault-harness';

let d: TestDesk;
let restoreScrypt: () => void;
beforeEach(async () => {
  restoreScrypt = cheapenScrypt();
  d = await makeDesk();
  await populateFuzzDesk(d);
});
afterEach(() => {
  d.close();
  restoreScrypt();
});

/**
 * Writes behind the app's back, as `sqlite3` would — after dropping the
 * triggers that keep filed reports and published versions immutable (the
 * file's owner can; only the chain cannot be rewritten unseen).
 */
const tamper = (sql: string, ...args: unknown[]) => {
  for (const { name } of d.core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name != 'audit_log'").all() as { name: string }[]) {
    d.core.db.exec(`DROP TRIGGER "${name}"`);
  }
  return d.core.db.prepare(sql).run(...args);
};

describe('reconcile', () => {
  it('finds nothing wrong on a desk written only through the API', () => {
    const r = reconcileRecords(d.core.db);
    expect(r.mismatches).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.records).toBeGreaterThan(20);
  });

  it.each([
    ['log_entries', 'summary', "UPDATE log_entries SET summary = '被篡改的记录' WHERE id = 1"],
    ['log_entries', 'voided', "UPDATE log_entries SET voided_at = '2026-11-25T13:00:00.000Z', void_reason = 'x' WHERE id = 2"],
    ['incidents', 'deaths', 'UPDATE incidents SET deaths = 0 WHERE id = 1'],
    ['incidents', 'level', 'UPDATE incidents SET level = 4 WHERE id = 1'],
    ['incident_reports', 'contentSha256', "UPDATE incident_reports SET content = '没有报过' WHERE id = 1"],
    ['incident_reports', 'sentAt', "UPDATE incident_reports SET sent_at = '2026-11-25T13:45:00.000Z' WHERE id = 1"],
    ['people', 'mobile', "UPDATE people SET mobile = '13999999999' WHERE id = 2"],
    ['users', 'roles', `UPDATE users SET roles = '["admin"]' WHERE login = 'officer1'`],
    ['contacts', 'phone', "UPDATE contacts SET phone = '110' WHERE id = 1"],
    ['settings', 'levels', "UPDATE settings SET value = json_set(value, '$.levels[0].phoneMinutes', 300) WHERE key = 'incidents.reportRules'"],
    ['settings', 'policy', "UPDATE settings SET value = json_set(value, '$.policy.steps[0].waitMinutes', 600) WHERE key = 'incidents.escalation'"],
  ])('names a hand edit of %s.%s', (table, field, sql) => {
    tamper(sql);
    const r = reconcileRecords(d.core.db);
    expect(r.ok).toBe(false);
    expect(r.mismatches).toContainEqual(expect.objectContaining({ table, field, kind: 'changed' }));
  });

  // The newer domains (reconcile-domains.ts): one hand edit each, named by table, id and field.
  it.each([
    ['attendance_marks', 'note', "UPDATE attendance_marks SET note = '未替班' WHERE id = 1"],
    ['attendance_marks', 'voided', "UPDATE attendance_marks SET voided_at = '2026-11-25T13:00:00.000Z', voided_by = 'x', void_reason = 'x' WHERE id = 1"],
    ['presence_checks', 'answered', 'UPDATE presence_checks SET answered = 0 WHERE id = 1'],
    ['presence_checks', 'checker', "UPDATE presence_checks SET checker = '无人查岗' WHERE id = 2"],
    ['handovers', 'content', "UPDATE handovers SET content = json_set(content, '$.notes', '一切正常') WHERE duty_date = '2026-11-25'"],
    ['handovers', 'state', "UPDATE handovers SET state = 'confirmed' WHERE duty_date = '2026-11-24'"],
    ['duty_todos', 'text', "UPDATE duty_todos SET text = '无事' WHERE id = 1"],
    ['daily_reports', 'summary', "UPDATE daily_reports SET summary = '改过的日报' WHERE id = 1"],
    ['ledger_items', 'ownerUnit', "UPDATE ledger_items SET owner_unit = '别的单位' WHERE id = 1"],
    ['ledger_items', 'deadline', "UPDATE ledger_items SET deadline = '2027-01-31' WHERE id = 1"],
    ['ledger_items', 'state', "UPDATE ledger_items SET state = 'closed' WHERE id = 2"],
    ['documents', 'title', "UPDATE documents SET title = '改过的标题' WHERE id = 1"],
    ['documents', 'secrecy', "UPDATE documents SET secrecy = 'public' WHERE id = 2"],
    ['petitions', 'summary', "UPDATE petitions SET summary = '无诉求' WHERE id = 1"],
    ['petitions', 'state', "UPDATE petitions SET state = 'concluded' WHERE id = 2"],
    // Accepted, then 交办: the assignment's row names the state it left (handling), so a hand edit back is seen.
    ['petitions', 'state', "UPDATE petitions SET state = 'accepted' WHERE id = 1"],
    ['petitioners', 'phone', "UPDATE petitioners SET phone = '13800000000' WHERE id = 1"],
    ['incident_instructions', 'text', "UPDATE incident_instructions SET text = '不必救治' WHERE id = 1"],
    ['instruction_followups', 'state', "UPDATE instruction_followups SET state = 'done' WHERE id = 1"],
  ])('names a hand edit of %s.%s', (table, field, sql) => {
    expect(tamper(sql).changes).toBeGreaterThan(0);
    const r = reconcileRecords(d.core.db);
    expect(r.ok).toBe(false);
    expect(r.mismatches).toContainEqual(expect.objectContaining({ table, field, kind: 'changed' }));
  });

  it('an edited daily report is back in 拟稿 with its review cleared, and the chain says so: a hand edit back to 已审核 is named', async () => {
    const r = (await d.call(d.admin, 'dailyReport.get', { date: '2026-11-24' })).record!;
    expect(r.state).toBe('reviewed');
    await d.call(d.admin, 'dailyReport.update', { id: r.id, expectedVersion: r.version, summary: '全天平稳，夜间有雨', reason: '补充天气' });
    expect(reconcileRecords(d.core.db).mismatches).toEqual([]);
    tamper("UPDATE daily_reports SET state = 'reviewed', review_note = '同意报送' WHERE id = ?", r.id);
    const found = reconcileRecords(d.core.db).mismatches;
    expect(found).toContainEqual(expect.objectContaining({ table: 'daily_reports', field: 'state', kind: 'changed' }));
    expect(found).toContainEqual(expect.objectContaining({ table: 'daily_reports', field: 'reviewNote', kind: 'changed' }));
  });

  it('names a record of a newer domain inserted without an audit row', () => {
    tamper("INSERT INTO duty_todos (kind, text, duty_date, created_at, created_by) VALUES ('todo', '补录的待办', '2026-11-25', '2026-11-25T13:00:00.000Z', 'x')");
    expect(reconcileRecords(d.core.db).mismatches).toContainEqual(expect.objectContaining({ table: 'duty_todos', kind: 'unaudited', field: '*' }));
  });

  it('holds a setting never saved to its default: a value written by hand is named', () => {
    tamper("INSERT OR REPLACE INTO settings (key, value) VALUES ('roster.rules', ?)", JSON.stringify({ minRestDays: 0, weights: { workday: 1, weekend: 1, holiday: 1, makeup: 1 } }));
    expect(reconcileRecords(d.core.db).mismatches).toContainEqual(expect.objectContaining({ table: 'settings', id: 'roster.rules', field: 'minRestDays', seq: 0 }));
  });

  it('names a person in a published roster version swapped by hand, slot by slot', () => {
    const row = d.core.db.prepare('SELECT a.version_id, a.date, a.shift_id, a.role, a.idx, a.person_id FROM roster_assignments a LIMIT 1').get() as {
      version_id: number; date: string; shift_id: number; role: string; idx: number; person_id: number;
    };
    const other = (d.core.db.prepare('SELECT id FROM people WHERE id != ? LIMIT 1').get(row.person_id) as { id: number }).id;
    tamper('UPDATE roster_assignments SET person_id = ? WHERE version_id = ? AND date = ? AND shift_id = ? AND role = ? AND idx = ?', other, row.version_id, row.date, row.shift_id, row.role, row.idx);
    const r = reconcileRecords(d.core.db);
    expect(r.mismatches).toContainEqual(expect.objectContaining({ table: 'roster_assignments', field: `${row.date}|${row.shift_id}|${row.role}|${row.idx}`, expected: String(row.person_id), actual: String(other) }));
  });

  it('names a record inserted without an audit row, and an audited record deleted', () => {
    tamper(
      `INSERT INTO contacts (kind, name, unit, phone, mobile, fax, note, sort_order, active, created_at, updated_at)
       VALUES ('other', '假联系人', NULL, '110', NULL, NULL, NULL, 0, 1, '2026-11-25T00:00:00Z', '2026-11-25T00:00:00Z')`,
    );
    const r = reconcileRecords(d.core.db);
    expect(r.mismatches).toContainEqual(expect.objectContaining({ table: 'contacts', kind: 'unaudited', field: '*' }));
  });
});
