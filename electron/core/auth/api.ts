/**
 * Handlers of accounts and sessions (app.*, auth.*, users.*).
 */
import type { authMethods, usersMethods } from '../../../shared/contract/auth';
import type { Handlers } from '../context';
import { listUsers } from './db';
import { appStatus, changePassword, createUser, currentSession, lock, login, logout, resetPassword, setUpDesk, unlock, updateUserAccount } from './service';

export const authHandlers: Handlers<keyof typeof authMethods> = {
  'app.status': (ctx) => appStatus(ctx),
  'app.setup': (ctx, input) => setUpDesk(ctx, input),
  'auth.login': (ctx, input) => login(ctx, input),
  'auth.logout': (ctx) => logout(ctx),
  'auth.session': (ctx) => currentSession(ctx),
  'auth.lock': (ctx) => lock(ctx),
  'auth.unlock': (ctx, input) => unlock(ctx, input),
  'auth.changePassword': (ctx, input) => changePassword(ctx, input),
};

export const usersHandlers: Handlers<keyof typeof usersMethods> = {
  'users.list': (ctx) => listUsers(ctx.db),
  'users.create': (ctx, input) => createUser(ctx, input),
  'users.update': (ctx, input) => updateUserAccount(ctx, input),
  'users.resetPassword': (ctx, input) => resetPassword(ctx, input),
};
