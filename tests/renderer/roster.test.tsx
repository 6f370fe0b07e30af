import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OnDutyCard } from '../../renderer/components/OnDuty/OnDutyCard';
import { RosterSheet } from '../../renderer/pages/roster/RosterSheet';
import { adminDesk, fakeBridge, render } from './render';
import type { RosterPrintData } from '../../shared/contract/roster';
import type { DutyNow, MyDuty } from "../../shared/contract/duty";

const person = (personId: number, name: string, role: 'leader' | 'officer' | 'standby', mobile: string) => ({
  personId,
  name,
  role,
  mobile,
  officePhone: null,
  department: null,
  title: null,
});

// The renderer's transport keeps the first bridge it sees, so one bridge serves every test here.
let handlers: Record<string, (input: unknown) => unknown> = {};
const bridge = fakeBridge(
  new Proxy({}, { get: (_t, method: string) => (input: unknown) => handlers[method]!(input), has: (_t, method: string) => method in handlers }) as Record<string, (input: unknown) => unknown>,
);

const now: DutyNow = {
  now: '2026-11-25T13:40:00.000Z',
  dutyDate: '2026-11-25',
  day: { date: '2026-11-25', weekday: 3, type: 'workday', holidayName: null, known: true, source: 'weekday' },
  unitName: '测试值班室',
  dutyPhone: '0758-2222110',
  fax: null,
  current: [
    {
      date: '2026-11-25',
      shiftId: 1,
      shiftName: '全天',
      start: '2026-11-25T00:30:00.000Z',
      end: '2026-11-26T00:30:00.000Z',
      leader: [person(2, '张建国', 'leader', '13900000001')],
      officer: [person(3, '陈晓东', 'officer', '13800000010')],
      standby: [],
    },
  ],
  next: null,
  handoverAt: '2026-11-26T00:30:00.000Z',
  minutesToHandover: 650,
};

describe('OnDutyCard', () => {
  it('shows the leader and officers with copyable phones, the handover countdown, and unread notices', { timeout: 15_000 }, async () => {
    const mine: MyDuty = {
      personId: 1,
      upcoming: [],
      tomorrow: null,
      notices: [{ id: 7, kind: 'swapApproved', swapId: 1, params: { a: '陈晓东', b: '刘海波', date: '2026-12-05', version: 2 }, createdAt: '2026-11-25T13:00:00Z', readAt: null }],
    };
    handlers = { 'duty.now': () => now, 'duty.mine': () => mine, 'duty.ackNotice': () => null };
    const { calls } = bridge;
    render(<OnDutyCard />, { ...adminDesk, clockOffset: Date.parse('2026-11-25T13:40:00Z') - Date.now() });
    expect(await screen.findByText('张建国', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '复制 13900000001' })).toBeInTheDocument();
    expect(screen.getByText('陈晓东')).toBeInTheDocument();
    expect(screen.getByTestId('handover-countdown').textContent).toMatch(/10小时(49|50)分/u);
    const notice = await screen.findByText(/换班已批准：陈晓东 与 刘海波（2026-12-05），值班表第2版/u);
    expect(notice).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '知道了' }));
    expect(calls.some((c) => c.method === 'duty.ackNotice' && (c.input as { id: number }).id === 7)).toBe(true);
  });

  it('says so when no published roster covers now', { timeout: 15_000 }, async () => {
    handlers = { 'duty.now': () => ({ ...now, current: [], handoverAt: null, minutesToHandover: null }), 'duty.mine': () => ({ personId: null, upcoming: [], tomorrow: null, notices: [] }) };
    render(<OnDutyCard />);
    expect(await screen.findByText('当前没有已发布的值班安排', {}, { timeout: 3000 })).toBeInTheDocument();
  });
});

describe('RosterSheet', () => {
  it('prints the holiday name instead of the weekday, marks 调休上班, and the version block', () => {
    const data: RosterPrintData = {
      title: '2026年10月值班表',
      unitName: '测试值班室',
      dutyPhone: '0758-2222110',
      fax: '0758-2222119',
      from: '2026-10-01',
      to: '2026-10-10',
      version: 2,
      issuedOn: '2026-09-25',
      notes: null,
      multiShift: false,
      rows: [
        { date: '2026-10-01', weekday: 4, dayType: 'holiday', holidayName: '国庆节', shiftName: '全天', leader: [{ name: '张建国', phone: '13900000001' }], officer: [], standby: [] },
        { date: '2026-10-10', weekday: 6, dayType: 'makeup', holidayName: '国庆节', shiftName: '全天', leader: [], officer: [{ name: '陈晓东', phone: null }], standby: [] },
      ],
    };
    render(<RosterSheet data={data} />);
    const rows = screen.getAllByRole('row');
    expect(rows[1]!.textContent).toContain('10月1日');
    expect(rows[1]!.textContent).toContain('国庆节');
    expect(rows[1]!.textContent).not.toContain('星期四');
    expect(rows[1]!.textContent).toContain('张建国 13900000001');
    expect(rows[2]!.textContent).toContain('星期六');
    expect(rows[2]!.textContent).toContain('调休上班');
    expect(screen.getByText(/第2版/u)).toBeInTheDocument();
    expect(screen.getByText(/0758-2222119/u)).toBeInTheDocument();
  });
});
