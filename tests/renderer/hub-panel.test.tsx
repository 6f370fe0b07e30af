/**
 * The console's hub panel: the link line (离线 since … · N 条待上报), and a
 * presence check that stays until answered 在岗 — the answer is sent for that
 * check, and a refusal (not on duty) is shown, not swallowed.
 */
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HubChecks, UplinkLine } from '../../renderer/pages/console/HubPanel';
import type { InboxItem, UplinkStatus } from '../../shared/contract/uplink';
import { fakeBridge, render } from './render';

const status = (over: Partial<UplinkStatus> = {}): UplinkStatus => ({
  enrolled: true,
  hubUrl: 'http://10.1.2.3:8470',
  enrolledAt: '2026-11-20T01:00:00.000Z',
  state: 'connected',
  offlineSince: null,
  lastOkAt: '2026-11-25T13:39:00.000Z',
  pending: 0,
  ackedSeq: 120,
  headSeq: 120,
  error: null,
  tls: { ca: null, pin: null },
  ...over,
});

const check: InboxItem = {
  id: 7,
  version: 31,
  kind: 'check',
  sentAt: '2026-11-25T13:39:40.000Z',
  receivedAt: '2026-11-25T13:39:42.000Z',
  state: 'open',
  from: '端州区总值班室',
  title: null,
  body: null,
  year: null,
  limitSeconds: 60,
  dueAt: '2026-11-25T13:40:40.000Z',
  handledAt: null,
  handledBy: null,
  answer: null,
  rules: null,
};

describe('the hub panel', () => {
  it('says offline since when, and how many rows wait', () => {
    render(<UplinkLine status={status({ state: 'offline', offlineSince: '2026-11-25T10:05:00.000Z', pending: 43 })} />);
    expect(screen.getByTestId('uplink-state')).toHaveAttribute('data-state', 'offline');
    expect(screen.getByText('离线（自 2026-11-25 18:05 起）')).toBeInTheDocument();
    expect(screen.getByTestId('uplink-pending')).toHaveTextContent('43 条待上报');
  });

  it('says all sent when connected', () => {
    render(<UplinkLine status={status()} />);
    expect(screen.getByText('已连接')).toBeInTheDocument();
    expect(screen.getByTestId('uplink-pending')).toHaveTextContent('全部已上报');
  });

  it('shows 上级查岗 until answered, sends 在岗 for that check, and shows a refusal', async () => {
    let answered = false;
    const { calls } = fakeBridge({
      'uplink.status': () => status(),
      'uplink.inbox': () => ({ open: answered ? [] : [check], recent: [] }),
      'uplink.answerCheck': () => {
        throw { code: 'FORBIDDEN', messageKey: 'uplink.errors.notOnDuty', message: '只有当前值班人员本人登录后才能应答上级查岗。' };
      },
    });
    render(<HubChecks />);
    const alert = await screen.findByTestId('hub-check');
    expect(alert).toHaveTextContent('上级查岗');
    expect(alert).toHaveTextContent('来自 端州区总值班室');
    await userEvent.click(screen.getByTestId('hub-check-answer'));
    expect(await screen.findByTestId('hub-check-error')).toHaveTextContent('只有当前值班人员本人登录后才能应答上级查岗。');
    expect(calls.filter((c) => c.method === 'uplink.answerCheck')).toEqual([{ method: 'uplink.answerCheck', input: { id: 7 } }]);
    // Still shown: nobody answered.
    expect(screen.getByTestId('hub-check')).toBeInTheDocument();
    answered = true;
  });

  it('goes away once the check is answered', async () => {
    let open = [check];
    fakeBridge({
      'uplink.status': () => status(),
      'uplink.inbox': () => ({ open, recent: [] }),
      'uplink.answerCheck': () => {
        open = [];
        return { ...check, state: 'done', answer: { seconds: 12, withinLimit: true } };
      },
    });
    render(<HubChecks />);
    await userEvent.click(await screen.findByTestId('hub-check-answer'));
    await waitFor(() => expect(screen.queryByTestId('hub-check')).toBeNull());
  });
});
