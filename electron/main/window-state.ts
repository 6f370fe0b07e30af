/**
 * Remembers the window's size and position in the data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const stateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(800).max(10000),
  height: z.number().int().min(600).max(10000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof stateSchema>;

export const defaultWindowState: WindowState = { width: 1440, height: 900, maximized: false };

export function loadWindowState(dir: string): WindowState {
  try {
    return stateSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'window-state.json'), 'utf8')));
  } catch {
    return defaultWindowState;
  }
}

export function saveWindowState(dir: string, state: WindowState): void {
  try {
    fs.writeFileSync(path.join(dir, 'window-state.json'), JSON.stringify(state));
  } catch {
    // not worth failing a shutdown over
  }
}
