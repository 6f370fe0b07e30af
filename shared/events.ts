/**
 * Push events from the core to the renderer.
 *
 * Sent over IPC (`webContents.send`) or Server-Sent Events in browser mode.
 */
export type PushEvent =
  /** Data of these domains changed (entity names from the audit rows, e.g. `person`). */
  | { type: 'changed'; entities: string[]; seq: number }
  /** Deadlines passed or escalation steps timed out just now (pushed by the core's due scheduler). */
  | { type: 'due'; items: { kind: string; id: string; dueAt: string }[] }
  /** The link to the hub changed: connected, offline, refused, or rows acknowledged (uplink outbox). */
  | { type: 'uplink' }
  /** The test clock moved (test host only). */
  | { type: 'clock'; now: string };
