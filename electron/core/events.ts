/**
 * In-process push-event bus; transports subscribe and forward to renderers.
 */
import type { PushEvent } from '../../shared/events';

export type Listener = (e: PushEvent) => void;

export class EventBus {
  private listeners = new Set<Listener>();
  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
  emit(e: PushEvent): void {
    for (const fn of this.listeners) {
      try {
        fn(e);
      } catch {
        // A broken listener (closed window, dropped SSE stream) must not break the writer.
      }
    }
  }
}
