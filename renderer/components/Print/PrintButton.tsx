/**
 * Printing, the same way from every print button.
 *
 * `PrintActions` is the button on a page (排班 → 打印, a report's 打印, 打印本日值班记录 …):
 * - Electron: "打印…" opens the system print dialog and "另存为 PDF…" a save
 *   dialog, both through the main process (electron/main/print.ts) — no new
 *   window is ever opened by the renderer.
 * - Browser mode: the print view opens in the same tab (the access token
 *   stays with the tab), with 返回 and 打印.
 *
 * `PrintToolbar` sits on every print view: 返回 and 打印 on screen (hidden on
 * paper); it names the document and, once every query and font is loaded,
 * tells the main process the view is ready to print.
 */
import { useEffect } from 'react';
import { Button, Group, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useIsFetching } from '@tanstack/react-query';
import { IconArrowLeft, IconChevronDown, IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { session } from '../../api';
import type { PrintMode } from '../../../shared/ipc';

/** Prints once the document's fonts have loaded, so paper never gets a fallback face. */
export async function printWhenFontsReady(): Promise<void> {
  await document.fonts.ready;
  window.print();
}

const bridgePrint = () => (typeof window !== 'undefined' ? window.dutydesk?.print : undefined);

/** The print button(s) of a page, for the print route `route` (e.g. `/print/log/2026-12-01`). */
export function PrintActions({ route, label, testId, variant = 'default' }: { route: string; label?: string; testId?: string; variant?: 'default' | 'subtle' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const print = bridgePrint();
  const text = label ?? t('common.print');
  const size = variant === 'subtle' ? 'compact-xs' : 'sm';

  if (!print) {
    // Same tab: nothing to lose (the token and the session live with the tab), 返回 comes back here.
    return (
      <Button
        variant={variant}
        size={size}
        leftSection={<IconPrinter size={16} />}
        data-testid={testId}
        onClick={() => void navigate(route, { state: { back: `${location.pathname}${location.search}` } })}
      >
        {text}
      </Button>
    );
  }
  const run = async (mode: PrintMode) => {
    const r = await print(route, mode, session.get());
    if (r.ok && r.file) notifications.show({ color: 'green', message: t('common.printSaved', { file: r.file }) });
    else if (!r.ok && r.reason === 'timeout') notifications.show({ color: 'red', message: t('common.printTimeout') });
    else if (!r.ok && r.reason !== 'cancelled') notifications.show({ color: 'red', message: t('common.printFailed', { reason: r.detail ?? r.reason }) });
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant={variant} size={size} leftSection={<IconPrinter size={16} />} rightSection={<IconChevronDown size={14} />} data-testid={testId}>
          {text}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPrinter size={16} />} onClick={() => void run('print')}>
          {t('common.printDialog')}
        </Menu.Item>
        <Menu.Item leftSection={<IconFileTypePdf size={16} />} onClick={() => void run('pdf')}>
          {t('common.savePdf')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * The on-screen bar of a print view: 返回 and 打印 (hidden on paper).
 *
 * `title` becomes the document title (and the PDF's file name; the page's h1
 * when not given); `fallback` is where 返回 goes when the view was opened directly.
 */
export function PrintToolbar({ title, fallback = '/console' }: { title?: string; fallback?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const fetching = useIsFetching();
  useEffect(() => {
    // Without a title given, the document's own heading names it (and the PDF).
    document.title = title ?? document.querySelector('h1')?.textContent?.trim() ?? document.title;
  }, [title]);
  useEffect(() => {
    if (fetching > 0) return;
    let cancelled = false;
    // Data and nested queries (the chain head) loaded: wait for the fonts, then one frame for layout.
    void document.fonts.ready.then(() =>
      requestAnimationFrame(() => {
        if (!cancelled) window.dutydesk?.printReady?.();
      }),
    );
    return () => {
      cancelled = true;
    };
  }, [fetching]);
  const back = (location.state as { back?: unknown } | null)?.back;
  return (
    <div className="dd-no-print dd-noprint dd-print-toolbar">
      <Group justify="center" gap="sm">
        <Button variant="default" leftSection={<IconArrowLeft size={16} />} data-testid="print-back" onClick={() => void navigate(typeof back === 'string' ? back : fallback)}>
          {t('common.back')}
        </Button>
        <Button leftSection={<IconPrinter size={16} />} data-testid="print-now" onClick={() => void printWhenFontsReady()}>
          {t('common.print')}
        </Button>
      </Group>
      {!window.dutydesk && (
        <Text size="xs" c="dimmed" ta="center" mt={4}>
          {t('common.printHint')}
        </Text>
      )}
    </div>
  );
}
