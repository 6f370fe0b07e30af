/**
 * The Chinese application menu.
 */
import type { MenuItemConstructorOptions } from 'electron';

export function menuTemplate(opts: { isMac: boolean; openDataFolder: () => void; print: () => void }): MenuItemConstructorOptions[] {
  return [
    ...(opts.isMac ? [{ role: 'appMenu' as const, label: 'DutyDesk 值守台' }] : []),
    {
      label: '文件',
      submenu: [
        { label: '打印…', accelerator: 'CmdOrCtrl+P', click: opts.print },
        { label: '打开数据目录', click: opts.openDataFolder },
        { type: 'separator' },
        { role: 'quit', label: '退出' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'reload', label: '重新载入' },
        { type: 'separator' },
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    { role: 'windowMenu', label: '窗口' },
    { role: 'help', label: '帮助', submenu: [{ label: '关于 DutyDesk 值守台', role: 'about' }] },
  ];
}
