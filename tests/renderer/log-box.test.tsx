import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LogBox } from '../../renderer/pages/console/LogBox';
import { DueNext } from '../../renderer/pages/console/DueNext';
import { adminDesk, fakeBridge, render, type FakeHandler } from './render';
import type { DueList } from '../../shared/contract';

// jsdom has no document.fonts; Mantine's autosize Textarea listens on it.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener: () => undefined, removeEventListener: () => undefined },
  });
}

const at2140 = Date.parse('2026-11-25T13:40:00Z'); // 21:40 in Shanghai
const desk = () => ({ ...adminDesk, clockOffset: at2140 - Date.now() });

const created = (input: unknown) => ({ id: 1, version: 1, ...(input as object) });

// The renderer's transport keeps the first bridge it sees, so this file installs
// one bridge and swaps its handlers per test.
const handlers: Record<string, FakeHandler> = {};
const { calls } = fakeBridge(handlers);
const useHandlers = (h: Record<string, FakeHandler>) => {
  for (const k of Object.keys(handlers)) delete handlers[k];
  Object.assign(handlers, h);
  return { calls };
};
/** The log entries the box saved (the box also reads the desk's settings). */
const creates = () => calls.filter((c) => c.method === 'log.create');
beforeEach(() => {
  calls.length = 0;
  localStorage.clear();
});

describe('LogBox', { timeout: 30_000 }, () => {
  it('is focused, saves on Ctrl+Enter with the default kind, clears and keeps focus', async () => {
    useHandlers({ 'log.create': created });
    render(<LogBox />, desk());
    const summary = screen.getByTestId('log-summary');
    await waitFor(() => expect(summary).toHaveFocus());
    fireEvent.change(summary, { target: { value: '区应急局来电报告积水' } });
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(calls.filter((c) => c.method === 'log.create')).toHaveLength(1));
    expect(creates()[0]!.input).toMatchObject({ kind: 'incoming_call', summary: '区应急局来电报告积水' });
    expect(creates()[0]!.input).not.toHaveProperty('occurredAt');
    await waitFor(() => expect(summary).toHaveValue(''));
    expect(summary).toHaveFocus();
    expect(screen.getByTestId('log-status')).toHaveTextContent('已记录');
  });

  it('Alt+digit picks the kind; Esc clears everything', async () => {
    useHandlers({ 'log.create': created });
    render(<LogBox />, desk());
    const summary = screen.getByTestId('log-summary');
    await waitFor(() => expect(summary).toHaveFocus());
    await userEvent.keyboard('{Alt>}2{/Alt}');
    fireEvent.change(summary, { target: { value: '去电通知' } });
    await userEvent.keyboard('{Escape}');
    expect(summary).toHaveValue('');
    await userEvent.keyboard('{Alt>}6{/Alt}');
    fireEvent.change(summary, { target: { value: '市值班室查岗' } });
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(creates()).toHaveLength(1));
    expect(creates()[0]!.input).toMatchObject({ kind: 'presence_check', summary: '市值班室查岗' });
  });

  it('after saving, the kind returns to 来电: the next call after a 查岗 is not saved as 查岗', async () => {
    useHandlers({ 'log.create': created });
    render(<LogBox />, desk());
    const summary = screen.getByTestId('log-summary');
    await waitFor(() => expect(summary).toHaveFocus());
    await userEvent.keyboard('{Alt>}6{/Alt}');
    fireEvent.change(summary, { target: { value: '市值班室查岗，值班员在岗' } });
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(creates()).toHaveLength(1));
    await waitFor(() => expect(summary).toHaveValue(''));
    fireEvent.change(summary, { target: { value: '区水利局来电报告水位' } });
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(creates()).toHaveLength(2));
    expect(creates().map((c) => (c.input as { kind: string }).kind)).toEqual(['presence_check', 'incoming_call']);
  });

  it("returns to the kind the desk set as its default", async () => {
    useHandlers({ 'log.create': created, 'settings.get': () => ({ idleLockMinutes: 10, theme: 'auto', language: 'zh-CN', defaultLogKind: 'incoming_doc' }) });
    render(<LogBox />, desk());
    const summary = screen.getByTestId('log-summary');
    await waitFor(() => expect(summary).toHaveFocus());
    await waitFor(() => expect(screen.getByRole('radio', { name: '来文 3' })).toBeChecked());
    await userEvent.keyboard('{Alt>}1{/Alt}');
    fireEvent.change(summary, { target: { value: '来电' } });
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(creates()).toHaveLength(1));
    fireEvent.change(summary, { target: { value: '市政府来文' } });
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(creates()).toHaveLength(2));
    expect(creates().map((c) => (c.input as { kind: string }).kind)).toEqual(['incoming_call', 'incoming_doc']);
  });

  it('reads a typed clock time as the latest such time not after now (23:50 at 21:40 is last night)', async () => {
    useHandlers({ 'log.create': created });
    render(<LogBox />, desk());
    fireEvent.change(screen.getByLabelText('时间'), { target: { value: '23:50' } });
    fireEvent.change(screen.getByTestId('log-summary'), { target: { value: '补记来电' } });
    screen.getByTestId('log-summary').focus();
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(creates()).toHaveLength(1));
    expect(creates()[0]!.input).toMatchObject({ occurredAt: '2026-11-24T15:50:00.000Z' });
  });

  it('refuses to save an empty summary and calls nothing', async () => {
    useHandlers({ 'log.create': created });
    render(<LogBox />, desk());
    await waitFor(() => expect(screen.getByTestId('log-summary')).toHaveFocus());
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    expect(screen.getByTestId('log-status')).toHaveTextContent('必填');
    expect(creates()).toHaveLength(0);
  });
});

describe('DueNext', { timeout: 30_000 }, () => {
  it('shows countdowns soonest first, overdue in red with 已超时, and silences one event', async () => {
    const list: DueList = {
      now: '2026-11-25T13:40:00.000Z',
      items: [
        {
          kind: 'report',
          id: 'deadline-1',
          incidentId: 1,
          incidentNo: '2026-0001',
          title: '化工厂爆炸',
          level: 2,
          deadlineKind: 'phone',
          dueAt: '2026-11-25T13:30:00.000Z',
          overdue: true,
        },
        {
          kind: 'report',
          id: 'deadline-2',
          incidentId: 1,
          incidentNo: '2026-0001',
          title: '化工厂爆炸',
          level: 2,
          deadlineKind: 'written',
          dueAt: '2026-11-25T14:10:00.000Z',
          overdue: false,
        },
      ],
      openIncidents: [],
    };
    useHandlers({ 'due.list': () => list });
    render(<DueNext />, desk());
    const items = await screen.findAllByTestId('due-item');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveAttribute('data-overdue', 'true');
    expect(items[0]).toHaveTextContent('已超时');
    expect(items[0]).toHaveTextContent('电话报告时限');
    expect(items[1]).toHaveAttribute('data-overdue', 'false');
    expect(items[1]).toHaveTextContent(/剩余 \d\d:\d\d/u);
    await userEvent.click(screen.getByRole('button', { name: '静音' }));
    expect(await screen.findByRole('button', { name: '已静音' })).toBeDisabled();
    expect(JSON.parse(localStorage.getItem('dutydesk.silencedAlarms') ?? '[]')).toContain('deadline-1');
  });
});
