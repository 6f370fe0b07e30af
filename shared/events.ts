/**
 * Push events from the core to the renderer.
 *
 * Sent over IPC (`webContents.send`) or Server-Sent Events in browser mode.
 */
export type PushEvent =
  /** Data of these domains changed (entity names from the audit rows, e.g. `person`). */
  | { type: 'changed'; entities: string[]; seq: number }
  /** A timer is due (deadlines, escalations); payload grows with later issues. */
  | { type: 'due'; items: { kind: string; id: string; dueAt: string }[] }
  /** The test clock moved (test host only). */
  | { type: 'clock'; now: string };
