/** 事件 — filled by the duty log and incidents work. */
export function IncidentsPage() {
  return null;
}
