/**
 * `render()` for component tests: Mantine, TanStack Query and i18n around the
 * component, and a fake preload bridge answering API calls.
 */
import type { ReactNode } from 'react';
import { render as rtlRender, type RenderResult } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { theme } from '../../renderer/theme';
import { queryClient } from '../../renderer/api';
import { DeskProvider, type DeskState } from '../../renderer/lib/desk-context';
import type { ApiResult } from '../../shared/errors';
import type { DutyDeskBridge } from '../../shared/ipc';

export type FakeHandler = (input: unknown) => unknown;

/** Installs `window.dutydesk` answering methods from `handlers`; records calls. */
export function fakeBridge(handlers: Record<string, FakeHandler>): { calls: { method: string; input: unknown }[] } {
  const calls: { method: string; input: unknown }[] = [];
  const bridge: DutyDeskBridge = {
    platform: 'test',
    invoke: async (method, input): Promise<ApiResult<unknown>> => {
      calls.push({ method, input });
      const h = handlers[method];
      if (!h) return { ok: false, error: { code: 'UNKNOWN_METHOD', messageKey: 'errors.UNKNOWN_METHOD', message: method } };
      try {
        return { ok: true, value: h(input) };
      } catch (e) {
        return { ok: false, error: e as ApiResult<never> extends { ok: false; error: infer E } ? E : never };
      }
    },
    onEvent: () => () => undefined,
  };
  window.dutydesk = bridge;
  return { calls };
}

export const adminDesk: DeskState = {
  status: {
    setUp: true,
    deskName: '测试值班室',
    readOnly: false,
    readOnlyReasonKey: null,
    readOnlyReasonParams: null,
    schemaVersion: 40,
    appVersion: '0.1.0',
    now: '2026-11-25T13:40:00.000Z',
    timeZone: 'Asia/Shanghai',
    handoverMinutes: 510,
    latestBackup: null,
  },
  session: { sessionId: 's', userId: 1, login: 'admin', displayName: '管理员', roles: ['admin'], personId: 1, locked: false },
  tz: 'Asia/Shanghai',
  handoverMinutes: 510,
  clockOffset: 0,
};

export function render(ui: ReactNode, desk: DeskState = adminDesk): RenderResult {
  queryClient.clear();
  return rtlRender(
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <DeskProvider value={desk}>
          <MemoryRouter>{ui}</MemoryRouter>
        </DeskProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
}
