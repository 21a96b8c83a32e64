import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { accountSummarySchema } from '#contract/accounts';

/** What the owner is told once when settings.json could not be read. */
export interface SettingsRecovery {
  /** Where the unreadable file was moved (kept for support, never read again). */
  movedTo: string;
  /** Accounts put back because their data folder was still there. */
  accountsKept: number;
}

const settingsFile = 'settings.json';
/** A copy of the last settings.json that opened fine, taken at each start. */
const lastGoodFile = 'settings.last-good.json';

/**
 * Opens the settings store; if its file cannot be read (cut short by a power cut, edited by hand,
 * overwritten by another program) moves it aside, starts from defaults and puts back the account
 * list — from the unreadable file if its `accounts` array is still intact, else from the last good
 * copy — keeping only accounts whose data folder is still on disk. Secrets are in their own files,
 * so recovered accounts work as before.
 */
export function openSettingsWithRecovery<
  S extends { set(key: string, value: unknown): void; onDidAnyChange(callback: () => void): unknown },
>(
  dataDir: string,
  open: () => S,
  now: () => Date = () => new Date(),
): { store: S; recovery: SettingsRecovery | null } {
  const file = join(dataDir, settingsFile);
  const keepCopy = () => {
    try {
      if (existsSync(file)) copyFileSync(file, join(dataDir, lastGoodFile));
    } catch {
      // Best effort: the copy only helps a later recovery.
    }
  };
  let store: S;
  let recovery: SettingsRecovery | null = null;
  try {
    store = open();
  } catch (error) {
    if (!existsSync(file)) throw error;
    const text = readFileSync(file, 'utf8');
    const movedTo = join(dataDir, `settings.unreadable-${now().toISOString().replace(/[:.]/g, '-')}.json`);
    renameSync(file, movedTo);
    store = open();
    const accounts = recoverAccounts(text, dataDir);
    if (accounts.length > 0) store.set('accounts', accounts);
    recovery = { movedTo, accountsKept: accounts.length };
  }
  // The file as it opened, and after every change (written whole, then renamed: always complete).
  keepCopy();
  store.onDidAnyChange(keepCopy);
  return { store, recovery };
}

const accountList = z.array(z.unknown());

/** Valid account records from the unreadable text, or else from the last good copy; only those still on disk. */
export function recoverAccounts(
  unreadableText: string,
  dataDir: string,
): z.infer<typeof accountSummarySchema>[] {
  const lastGood = join(dataDir, lastGoodFile);
  const candidates = [
    accountsArrayIn(unreadableText),
    existsSync(lastGood) ? accountsArrayIn(readFileSync(lastGood, 'utf8')) : [],
  ];
  for (const raw of candidates) {
    const accounts = raw
      .map((entry) => accountSummarySchema.safeParse(entry))
      .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
      .filter((account) => existsSync(join(dataDir, 'accounts', account.id.replace(/[^\w-]/g, '_'))));
    if (accounts.length > 0) return accounts;
  }
  return [];
}

/**
 * The `"accounts": [...]` array in a settings text, even when the rest of the file is broken: the
 * whole text if it parses, else the bracket-balanced array after the key (strings respected).
 */
function accountsArrayIn(text: string): unknown[] {
  try {
    const whole: unknown = JSON.parse(text);
    const accounts = (whole as { accounts?: unknown } | null)?.accounts;
    const parsed = accountList.safeParse(accounts);
    return parsed.success ? parsed.data : [];
  } catch {
    // Fall through to the bracket scan.
  }
  const key = text.search(/"accounts"\s*:\s*\[/);
  if (key < 0) return [];
  const start = text.indexOf('[', key);
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        try {
          const parsed = accountList.safeParse(JSON.parse(text.slice(start, i + 1)));
          return parsed.success ? parsed.data : [];
        } catch {
          return [];
        }
      }
    }
  }
  return [];
}
