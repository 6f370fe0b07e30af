import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import { makeDesk, type TestDesk } from '../helpers/core';
import { trackChainHead } from '../../electron/core/trust/open';
import { readRecordedHead } from '../../electron/core/audit/chain-head';
import { auditHead } from '../../electron/core/audit/chain';

let desk: TestDesk;
afterEach(() => {
  vi.restoreAllMocks();
  desk?.close();
});

describe('chain-head.json tracking', () => {
  it('records the newest head off the request path, a few file writes for a burst of commits', async () => {
    desk = await makeDesk();
    const writes = vi.spyOn(fs.promises, 'writeFile');
    const stop = trackChainHead(desk.core);
    await Promise.all(Array.from({ length: 20 }, (_, i) => desk.call(desk.admin, 'log.create', { kind: 'other', summary: `第${i}条` })));
    await stop.flush();
    const head = auditHead(desk.core.db);
    expect(readRecordedHead(desk.dir)).toMatchObject({ seq: head.seq, hash: head.hash });
    expect(writes.mock.calls.length).toBeGreaterThan(0);
    expect(writes.mock.calls.length).toBeLessThanOrEqual(3); // at most one a second, plus the flush
    stop();
  });

  it('writes the newest head synchronously when it stops with a write pending', async () => {
    desk = await makeDesk();
    const stop = trackChainHead(desk.core);
    await desk.call(desk.admin, 'log.create', { kind: 'other', summary: '最后一条' });
    stop(); // no flush: shutting down right after a commit
    const head = auditHead(desk.core.db);
    expect(readRecordedHead(desk.dir)).toMatchObject({ seq: head.seq });
  });
});
