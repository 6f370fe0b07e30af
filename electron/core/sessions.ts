/**
 * Logged-in sessions, held in memory by the process that owns the store.
 *
 * A session id is a random 256-bit secret returned by `auth.login`; the
 * renderer sends it with every call. Idle time is measured on the wall clock
 * (it is about the human at the desk, not simulated time).
 */
import crypto from 'node:crypto';
import type { UserRole } from '../../shared/roles';

export interface Session {
  id: string;
  userId: number;
  login: string;
  displayName: string;
  roles: UserRole[];
  personId: number | null;
  locked: boolean;
  lastActiveAt: number;
}

export class SessionStore {
  private sessions = new Map<string, Session>();
  constructor(private readonly wallNow: () => number = () => Date.now()) {}

  create(s: Omit<Session, 'id' | 'locked' | 'lastActiveAt'>): Session {
    const session: Session = { ...s, id: crypto.randomBytes(32).toString('base64url'), locked: false, lastActiveAt: this.wallNow() };
    this.sessions.set(session.id, session);
    return session;
  }
  get(id: string | null | undefined): Session | null {
    if (!id) return null;
    return this.sessions.get(id) ?? null;
  }
  /** Locks the session when it has been idle longer than `idleMs`; marks it active otherwise. */
  touch(s: Session, idleMs: number): void {
    const now = this.wallNow();
    if (!s.locked && now - s.lastActiveAt > idleMs) s.locked = true;
    if (!s.locked) s.lastActiveAt = now;
  }
  unlock(s: Session): void {
    s.locked = false;
    s.lastActiveAt = this.wallNow();
  }
  delete(id: string): void {
    this.sessions.delete(id);
  }
  /** Keeps only the sessions for which `keep` is true (e.g. after a restore). */
  retain(keep: (s: Session) => boolean): void {
    for (const [id, s] of this.sessions) if (!keep(s)) this.sessions.delete(id);
  }
  /** Ends every session of a user (deactivated, password reset). */
  deleteUser(userId: number): void {
    for (const [id, s] of this.sessions) if (s.userId === userId) this.sessions.delete(id);
  }
}
