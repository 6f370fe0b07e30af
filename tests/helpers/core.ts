/**
 * Test helpers: a real core on a real SQLite file in a temp folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Core } from '../../electron/core/core';
import { ManualClock } from '../../electron/core/clock';
import { createApi, type Api } from '../../electron/core/api/dispatch';
import type { Connection } from '../../electron/core/context';
import type { Input, MethodName, Output } from '../../shared/contract';
import type { ApiError } from '../../shared/errors';

export const tempDir = (prefix = 'dutydesk-test-'): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

export interface TestDesk {
  dir: string;
  core: Core;
  api: Api;
  clock: ManualClock;
  /** The admin's connection after setup. */
  admin: Connection;
  /** Calls a method and returns its value, throwing the ApiError on failure. */
  call<M extends MethodName>(conn: Connection, method: M, input: Input<M>): Promise<Output<M>>;
  /** Calls a method that must fail and returns its error. */
  fail(conn: Connection, method: string, input: unknown): Promise<ApiError>;
  /** Creates a user with these roles and returns a logged-in connection. */
  login(roles: ('officer' | 'leader' | 'admin')[], login?: string): Promise<Connection>;
  close(): void;
}

export class CallFailed extends Error {
  constructor(readonly error: ApiError) {
    super(`${error.code}: ${error.message}`);
  }
}

/** 2026-11-25 21:40 in Asia/Shanghai. */
export const defaultStart = Date.parse('2026-11-25T13:40:00Z');

export async function makeDesk(opts: { setUp?: boolean; start?: number; dir?: string } = {}): Promise<TestDesk> {
  const dir = opts.dir ?? tempDir();
  const clock = new ManualClock(opts.start ?? defaultStart);
  const core = new Core({ dataDir: dir, clock });
  const api = createApi(core);
  const call = async <M extends MethodName>(conn: Connection, method: M, input: Input<M>): Promise<Output<M>> => {
    const r = await api.call(method, input, conn);
    if (!r.ok) throw new CallFailed(r.error);
    return r.value as Output<M>;
  };
  const fail = async (conn: Connection, method: string, input: unknown): Promise<ApiError> => {
    const r = await api.call(method, input, conn);
    if (r.ok) throw new Error(`${method} was expected to fail`);
    return r.error;
  };
  const admin: Connection = { sessionId: null };
  if (opts.setUp !== false) {
    await call(admin, 'app.setup', {
      deskName: '测试市应急管理局总值班室',
      dutyPhone: '0758-2222110',
      fax: '0758-2222119',
      timeZone: 'Asia/Shanghai',
      adminName: '管理员',
      adminLogin: 'admin',
      adminPassword: 'admin12345',
      adminMobile: '13800000000',
      adminDepartment: '办公室',
    });
  }
  let n = 0;
  const login = async (roles: ('officer' | 'leader' | 'admin')[], name?: string): Promise<Connection> => {
    n += 1;
    const loginName = name ?? `${roles.join('-')}${n}`;
    await call(admin, 'users.create', { login: loginName, password: 'secret123', personId: null, displayName: loginName, roles });
    const conn: Connection = { sessionId: null };
    await call(conn, 'auth.login', { login: loginName, password: 'secret123' });
    return conn;
  };
  return {
    dir,
    core,
    api,
    clock,
    admin,
    call,
    fail,
    login,
    close: () => {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
