/** Console card: who is on duty now (roster work fills it). */
export function OnDutyCard() {
  return null;
}
