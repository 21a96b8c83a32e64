import { z } from 'zod';
import type { KeyValueStore } from '../core/ports';

/** The window's last size and position, kept in the settings store under its own key. */
const windowStateKey = 'window';

const savedSchema = z.object({
  x: z.int(),
  y: z.int(),
  width: z.int().positive(),
  height: z.int().positive(),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof savedSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const defaultSize = { width: 1200, height: 800 };
export const minimumSize = { width: 900, height: 600 };

/**
 * Where to open the window: the saved bounds if they still fit on a connected display (a monitor
 * may have been unplugged), otherwise the default size, centred by Electron.
 */
export function initialBounds(
  saved: unknown,
  workAreas: readonly Rect[],
): { width: number; height: number; x?: number; y?: number; maximized: boolean } {
  const parsed = savedSchema.safeParse(saved);
  if (!parsed.success) return { ...defaultSize, maximized: false };
  const { x, y, maximized } = parsed.data;
  const width = Math.max(parsed.data.width, minimumSize.width);
  const height = Math.max(parsed.data.height, minimumSize.height);
  const visible = workAreas.some((area) => overlap(area, { x, y, width, height }) >= 100 * 100);
  return visible ? { x, y, width, height, maximized } : { width, height, maximized };
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export function loadWindowState(store: KeyValueStore): unknown {
  return store.get(windowStateKey);
}

export function saveWindowState(store: KeyValueStore, bounds: Rect, maximized: boolean): void {
  store.set(windowStateKey, { ...bounds, maximized });
}
