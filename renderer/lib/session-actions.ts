/**
 * Locking and logging out, from the shell (button, Ctrl+L, idleness) and the lock screen (switch user).
 */
import { call, queryClient, session } from '../api';
import { notifyError } from './errors';

export async function lockNow(): Promise<void> {
  try {
    // On success the call refreshes the session (auth.lock writes `user`), so the gate shows the lock screen.
    await call('auth.lock', {});
  } catch (e) {
    notifyError(e);
    await queryClient.invalidateQueries({ queryKey: ['auth.session'] });
  }
}

export async function logout(): Promise<void> {
  try {
    await call('auth.logout', {});
  } catch {
    // already logged out
  }
  session.set(null);
  // Reset (not clear): active queries refetch at once, so the gate shows the login screen.
  await queryClient.resetQueries();
}
