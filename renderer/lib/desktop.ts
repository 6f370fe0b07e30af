/**
 * Desktop-only abilities of the Electron shell, with browser fallbacks.
 */

/** Opens a file with the system viewer (Electron); false when not available or refused. */
export async function openWithSystemViewer(name: string, dataBase64: string): Promise<boolean> {
  const bridge = window.dutydesk;
  if (!bridge?.openFile) return false;
  try {
    return await bridge.openFile(name, dataBase64);
  } catch {
    return false;
  }
}
