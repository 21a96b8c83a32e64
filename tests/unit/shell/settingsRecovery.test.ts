import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '#contract/accounts';
import { createSettingsStore } from '../../../electron/main/settings';

const account = (id: string, appId: string): AccountSummary => ({
  id,
  name: `号 ${id}`,
  appId,
  isDemo: false,
  capabilities: { userManagement: 'yes', remarks: 'unknown', checkedAt: 1_700_000_000_000 },
  groupApi: 'tags',
  network: { mode: 'direct' },
  createdAt: 1_700_000_000_000,
});
const shop = account('8a1f0c2e-1111-4a7b-9c1d-000000000001', 'wx0123456789abcdef');
const clinic = account('8a1f0c2e-2222-4a7b-9c1d-000000000002', 'wx0123456789abcde0');
const gone = account('8a1f0c2e-3333-4a7b-9c1d-000000000003', 'wx0123456789abcde1');

/** A data folder whose accounts' folders exist for `onDisk`. */
function dataFolder(onDisk: AccountSummary[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'fg-settings-'));
  for (const a of onDisk) mkdirSync(join(dir, 'accounts', a.id), { recursive: true });
  return dir;
}

const settingsText = (accounts: AccountSummary[]) =>
  JSON.stringify({ accounts, defaultAccountId: accounts[0]?.id, settings: { language: 'en' } }, null, '\t');

describe('an unreadable settings.json', () => {
  it('is moved aside; the app starts with defaults and keeps the accounts still on disk', () => {
    const dir = dataFolder([shop, clinic]);
    // Garbage after the end (a second writer) leaves the accounts array intact.
    writeFileSync(join(dir, 'settings.json'), `${settingsText([shop, clinic, gone])}\n\u0000\u0000}`);
    const store = createSettingsStore(dir);
    expect(store.recovery).toMatchObject({ accountsKept: 2 });
    expect(store.get('accounts')).toEqual([shop, clinic]);
    expect(store.get('settings')).toBeUndefined(); // Defaults.
    const moved = store.recovery!.movedTo;
    expect(moved.startsWith(join(dir, 'settings.unreadable-'))).toBe(true);
    expect(readFileSync(moved, 'utf8')).toContain('\u0000');
    // The next start reads the new file without any notice.
    expect(createSettingsStore(dir).recovery).toBeNull();
  });

  it('cut short: the accounts come from the last complete copy', () => {
    const dir = dataFolder([shop, clinic]);
    writeFileSync(join(dir, 'settings.json'), settingsText([shop, gone]));
    expect(createSettingsStore(dir).recovery).toBeNull(); // A good start keeps a copy.
    const whole = readFileSync(join(dir, 'settings.json'), 'utf8');
    writeFileSync(join(dir, 'settings.json'), whole.slice(0, 40)); // A power cut mid-write.
    const store = createSettingsStore(dir);
    expect(store.recovery).toMatchObject({ accountsKept: 1 });
    expect(store.get('accounts')).toEqual([shop]);

    // An account added during the run is in the copy too, before any restart.
    store.set('accounts', [shop, clinic]);
    const full = readFileSync(join(dir, 'settings.json'), 'utf8');
    writeFileSync(join(dir, 'settings.json'), full.slice(0, 25));
    expect(createSettingsStore(dir).get('accounts')).toEqual([shop, clinic]);
  });

  it('with nothing recoverable: defaults and no accounts, still starting', () => {
    const dir = dataFolder([]);
    writeFileSync(join(dir, 'settings.json'), '{"accounts": [{"id": 1, "oops"');
    const store = createSettingsStore(dir);
    expect(store.recovery).toMatchObject({ accountsKept: 0 });
    expect(store.get('accounts')).toBeUndefined();
    store.set('accounts', [shop]);
    expect(createSettingsStore(dir).get('accounts')).toEqual([shop]);
    expect(readdirSync(dir).filter((f) => f.startsWith('settings.unreadable-'))).toHaveLength(1);
  });

  it('a readable file is left alone', () => {
    const dir = dataFolder([shop]);
    writeFileSync(join(dir, 'settings.json'), settingsText([shop]));
    const store = createSettingsStore(dir);
    expect(store.recovery).toBeNull();
    expect(store.get('accounts')).toEqual([shop]);
    expect(existsSync(join(dir, 'settings.last-good.json'))).toBe(true);
  });
});
