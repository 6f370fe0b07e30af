/** Console: the always-present log entry box (duty log work fills it). */
export function LogBox() {
  return null;
}
