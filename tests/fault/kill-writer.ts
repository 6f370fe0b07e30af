/**
 * Child process of the kill loop: writes through the API as fast as it can
 * and prints every write the API acknowledged. The parent SIGKILLs it at a
 * random moment and checks that each acknowledged write survived.
 *
 * usage: kill-writer <data folder> <first number>
 * prints: READY, then `ACK <n>` after each acknowledged write.
 */
import { Core } from '../../electron/core/core';
import { createApi } from '../../electron/core/api/dispatch';

const [dataDir, firstArg] = process.argv.slice(2);
if (!dataDir) {
  console.error('usage: kill-writer <data folder> <first number>');
  process.exit(2);
}
const core = new Core({ dataDir });
if (core.readOnly) {
  console.log(`READONLY ${core.store.readOnlyReasonKey}`);
  process.exit(3);
}
const api = createApi(core);
// A session straight from the store: the child is the core's own process, and scrypt would only slow the loop.
const s = core.sessions.create({ userId: 1, login: 'admin', displayName: '管理员', roles: ['admin'], personId: 1 });
const conn = { sessionId: s.id };
let n = Number(firstArg ?? 1);
process.stdout.write('READY\n');
void (async () => {
for (;;) {
  const r = await api.call('contacts.create', { kind: 'other', name: `写入${n}`, unit: null, phone: null, mobile: null, fax: null, note: `kill-loop ${n}`, sortOrder: 0 }, conn);
  if (!r.ok) {
    process.stdout.write(`ERR ${r.error.code}\n`);
    process.exit(4);
  }
  // Synchronous write to the pipe: once this returns, the parent can see the acknowledgement.
  process.stdout.write(`ACK ${n}\n`);
  n += 1;
}
})();
