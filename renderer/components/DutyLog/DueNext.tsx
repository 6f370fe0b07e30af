/** Console: every running countdown, soonest first (duty log work fills it). */
export function DueNext() {
  return null;
}
