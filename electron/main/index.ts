/**
 * The Electron shell: wires the core, the app:// protocol, IPC and the window.
 *
 * Everything else runs in electron/core, under plain Node too.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootOrRecover } from '../core/boot';
import type { DeskApi } from '../core/trust/recovery';
import { translate } from '../../shared/i18n';
import { appOrigin, ipcChannels } from '../../shared/ipc';
import { bindIpc } from './ipc';
import { makePrintHandler, onPrintReady } from './print';
import fs from 'node:fs/promises';
import { menuTemplate } from './menu';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { holdSingleInstance } from './single-instance';
import { hardenSession, hardenWebContents, mainWindowOptions } from './security';
import { loadWindowState, saveWindowState } from './window-state';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererRoot = path.join(here, '../renderer');
const preload = path.join(here, '../preload/index.cjs');

registerAppScheme();
app.enableSandbox();

let win: BrowserWindow | null = null;
if (holdSingleInstance(app, () => win)) {
  let stopDesk: (() => void) | null = null;

  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents));

  void app.whenReady().then(() => {
    const dataDir = process.env.DUTYDESK_DATA_DIR ?? app.getPath('userData');
    const opened = bootOrRecover({ dataDir });
    let api: DeskApi;
    if (opened.core) {
      api = opened.api;
      stopDesk = () => opened.stop();
    } else {
      // A data file that cannot be opened at all: the window shows the recovery screen (its backups, a restore),
      // which starts the real desk in this process once a backup is back. Read-only faults open the console itself.
      console.error(`${translate('zh-CN', opened.fault.messageKey, opened.fault.params ?? {})}\n${translate('zh-CN', 'recovery.required')}`);
      api = opened.recovery;
      stopDesk = () => opened.recovery.stop();
    }
    app.on('before-quit', () => stopDesk?.());
    hardenSession(session.defaultSession);
    handleAppProtocol(rendererRoot);
    bindIpc(ipcMain, api, () => win?.webContents ?? null, (file) => shell.openPath(file));
    ipcMain.handle(
      ipcChannels.print,
      makePrintHandler({
        preload,
        createWindow: (options) => new BrowserWindow(options),
        chooseFile: async (defaultName) => {
          const opts = { defaultPath: path.join(app.getPath('documents'), defaultName), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
          const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
          return r.canceled || !r.filePath ? null : r.filePath;
        },
        writeFile: (file, data) => fs.writeFile(file, data),
      }),
    );
    ipcMain.on(ipcChannels.printReady, (event) => onPrintReady(event));

    const state = loadWindowState(dataDir);
    win = new BrowserWindow(mainWindowOptions(preload, state));
    if (state.maximized) win.maximize();
    const persist = () => {
      if (!win) return;
      saveWindowState(dataDir, { ...win.getNormalBounds(), maximized: win.isMaximized() });
    };
    win.on('close', persist);
    win.once('ready-to-show', () => win?.show());
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          isMac: process.platform === 'darwin',
          openDataFolder: () => void shell.openPath(dataDir),
          print: () => win?.webContents.print({ printBackground: true }),
        }),
      ),
    );
    void win.loadURL(`${appOrigin}/index.html`);
  });

  app.on('window-all-closed', () => {
    stopDesk?.();
    app.quit();
  });
}
