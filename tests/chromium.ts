import { existsSync } from 'node:fs';

/** Flags that keep Debian's Chromium off the (closed) network and quiet in CI. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/**
 * Which Chromium to drive: CHROMIUM_PATH if set, else Debian's /usr/bin/chromium, else undefined
 * so that Playwright uses its own downloaded browser (developers' Windows and macOS machines).
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}
