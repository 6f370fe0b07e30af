/**
 * The preload: exposes one narrow object, `window.dutydesk`, and nothing else.
 *
 * Never exposes `ipcRenderer` itself; only our two channels are reachable.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ipcChannels, type DutyDeskBridge, type PrintMode, type PrintOutcome } from '../../shared/ipc';
import type { PushEvent } from '../../shared/events';
import type { ApiResult } from '../../shared/errors';

const bridge = {
  platform: process.platform,
  invoke: (method: string, input: unknown, sessionId: string | null) =>
    ipcRenderer.invoke(ipcChannels.invoke, method, input, sessionId) as Promise<ApiResult<unknown>>,
  openFile: (name: string, dataBase64: string) => ipcRenderer.invoke(ipcChannels.openFile, name, dataBase64) as Promise<boolean>,
  print: (route: string, mode: PrintMode, sessionId: string | null) => ipcRenderer.invoke(ipcChannels.print, route, mode, sessionId) as Promise<PrintOutcome>,
  printReady: () => ipcRenderer.send(ipcChannels.printReady),
  onEvent: (listener: (e: PushEvent) => void) => {
    const wrapped = (_e: IpcRendererEvent, payload: PushEvent) => listener(payload);
    ipcRenderer.on(ipcChannels.event, wrapped);
    return () => {
      ipcRenderer.removeListener(ipcChannels.event, wrapped);
    };
  },
} satisfies DutyDeskBridge;

contextBridge.exposeInMainWorld('dutydesk', bridge);
