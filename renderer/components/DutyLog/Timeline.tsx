/** Console: tonight's timeline, newest on top (duty log work fills it). */
export function Timeline() {
  return null;
}
