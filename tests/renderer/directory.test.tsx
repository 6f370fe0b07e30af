import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DirectoryPage } from '../../renderer/pages/directory/Directory.page';
import { adminDesk, fakeBridge, render } from './render';
import type { Person } from '../../shared/contract';

const person = (id: number, name: string, mobile: string): Person => ({
  id,
  name,
  department: '办公室',
  title: null,
  officePhone: null,
  mobile,
  roles: ['officer'],
  active: true,
  sortOrder: id,
  initials: '',
  updatedAt: '2026-11-25T00:00:00Z',
});

describe('DirectoryPage', () => {
  it('lists people with copyable numbers and sends the search query to the core', async () => {
    const { calls } = fakeBridge({
      'people.list': (input) => ((input as { query?: string }).query === 'zs' ? [person(1, '张三', '13800000001')] : [person(1, '张三', '13800000001'), person(2, '李四', '13800000002')]),
    });
    render(<DirectoryPage />);
    expect(await screen.findByText('李四')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '复制 13800000002' })).toBeInTheDocument();
    await userEvent.type(screen.getByTestId('directory-search'), 'zs');
    await waitFor(() => expect(screen.queryByText('李四')).not.toBeInTheDocument());
    expect(calls.some((c) => c.method === 'people.list' && (c.input as { query: string }).query === 'zs')).toBe(true);
  });

  it('offers add and edit only to admins', async () => {
    fakeBridge({ 'people.list': () => [person(1, '张三', '13800000001')] });
    render(<DirectoryPage />, { ...adminDesk, session: { ...adminDesk.session!, roles: ['officer'] } });
    expect(await screen.findByText('张三')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '新增人员' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '编辑' })).not.toBeInTheDocument();
  });
});
