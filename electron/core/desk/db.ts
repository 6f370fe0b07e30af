/**
 * The desk (值班室): one row.
 */
import { defined, stmt } from '../store/stmt';
import { invalidateConfig } from '../store/config-cache';
import type { Db } from '../store/connection';
import type { Desk } from '../../../shared/contract';

interface DeskRow {
  desk_id: string;
  unit_name: string;
  duty_phone: string | null;
  fax: string | null;
  time_zone: string;
  created_at: string;
}

const rowToDesk = (r: DeskRow): Desk => ({
  deskId: r.desk_id,
  unitName: r.unit_name,
  dutyPhone: r.duty_phone,
  fax: r.fax,
  timeZone: r.time_zone,
  createdAt: r.created_at,
});

export function getDesk(db: Db): Desk | null {
  const r = stmt(db, 'SELECT * FROM desk WHERE id = 1').get() as DeskRow | undefined;
  return r ? rowToDesk(r) : null;
}

export function insertDesk(db: Db, d: Omit<Desk, 'createdAt'>, at: string): Desk {
  invalidateConfig(db);
  stmt(
    db,
    `INSERT INTO desk (id, desk_id, unit_name, duty_phone, fax, time_zone, created_at, updated_at)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(d.deskId, d.unitName, d.dutyPhone, d.fax, d.timeZone, at, at);
  return getDesk(db)!;
}

export function updateDesk(db: Db, patch: Partial<Pick<Desk, 'unitName' | 'dutyPhone' | 'fax' | 'timeZone'>>, at: string): Desk {
  const cur = getDesk(db)!;
  const next = { ...cur, ...defined(patch) };
  invalidateConfig(db);
  stmt(db, 'UPDATE desk SET unit_name = ?, duty_phone = ?, fax = ?, time_zone = ?, updated_at = ? WHERE id = 1').run(
    next.unitName,
    next.dutyPhone,
    next.fax,
    next.timeZone,
    at,
  );
  return getDesk(db)!;
}
