import { startEmulator, type Emulator } from '../../../electron/emulator';

/** A verified service account and an unverified one, served by an emulator on 127.0.0.1. */
export const SERVICE = { appid: 'wx1a2b3c4d5e6f7a8b', secret: '0123456789abcdef0123456789abcdef' };
export const UNVERIFIED = { appid: 'wx9f8e7d6c5b4a3f2e', secret: 'fedcba9876543210fedcba9876543210' };

/** The IP the emulator says WeChat saw (a documentation address). */
export const SEEN_IP = '203.0.113.7';

export async function startTestEmulator(
  options: { followers?: number; port?: number } = {},
): Promise<Emulator> {
  return startEmulator({
    port: options.port ?? 0,
    seed: 42,
    apps: [
      { ...SERVICE, kind: 'service', followers: options.followers ?? 300 },
      { ...UNVERIFIED, kind: 'unverified', followers: 50 },
    ],
  });
}
