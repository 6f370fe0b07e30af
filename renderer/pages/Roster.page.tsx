/** 排班 — filled by the roster work. */
export function RosterPage() {
  return null;
}
