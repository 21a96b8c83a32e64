import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { AppError } from '../core/appError';
import type { SecretStore } from '../core/ports';

/** The part of Electron's safeStorage this store uses (its async API); injected so tests can fake it. */
export type SafeStorageApi = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

const accountIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Why a secret cannot be stored or read, as SECRET_STORAGE_UNAVAILABLE's `reason` (the renderer
 * words each one):
 * - 'hardcoded-key': Linux without a keyring, where Chromium would encrypt with its public,
 *   hard-coded key ('basic_text', or the async encryptor's fallback provider, tag v10);
 * - 'encrypt-failed': the keychain refused (e.g. Deny on the macOS keychain prompt);
 * - 'keychain-busy': the keychain is temporarily unavailable (locked, still starting): retryable,
 *   the stored secret is fine;
 * - 'decrypt': the stored ciphertext no longer decrypts (the keychain entry was reset): the core
 *   turns this into SECRET_UNREADABLE, which leads the owner to 更换 AppSecret;
 * - 'unavailable': no encryption at all on this system.
 */
export const secretStorageProblems = [
  'hardcoded-key',
  'encrypt-failed',
  'keychain-busy',
  'decrypt',
  'unavailable',
] as const;
export type SecretStorageProblem = (typeof secretStorageProblems)[number];

/**
 * On Linux, ciphertext made with Chromium's hard-coded key starts with 'v10' (a keyring's key:
 * 'v11'); the async encryptor may fall back to that key without the backend saying basic_text.
 */
const hardcodedKeyTag = Buffer.from('v10');

/** safeStorage's words when the keychain is only temporarily unavailable (Electron's source). */
const temporarilyUnavailable = /temporarily unavailable/i;

function unavailable(
  reason: SecretStorageProblem,
  cause?: unknown,
  extra: Record<string, unknown> = {},
): AppError {
  return new AppError(
    'SECRET_STORAGE_UNAVAILABLE',
    { reason, ...extra },
    { retryable: reason === 'keychain-busy', ...(cause === undefined ? {} : { cause }) },
  );
}

/**
 * AppSecrets encrypted with the OS keychain through safeStorage: one ciphertext file per account
 * under `dir`; the plaintext exists only in memory. Refuses (SECRET_STORAGE_UNAVAILABLE) rather than
 * store a secret it cannot really protect.
 */
export class SafeStorageSecretStore implements SecretStore {
  readonly kind = 'safeStorage';

  constructor(
    private readonly dir: string,
    private readonly safe: SafeStorageApi,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  async put(accountId: string, secret: string): Promise<void> {
    await this.ensureAvailable();
    let ciphertext: Buffer;
    try {
      ciphertext = await this.safe.encryptStringAsync(secret);
    } catch (error) {
      throw unavailable('encrypt-failed', error);
    }
    if (this.platform === 'linux' && ciphertext.subarray(0, hardcodedKeyTag.length).equals(hardcodedKeyTag))
      throw unavailable('hardcoded-key');
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = this.file(accountId);
    // Write then rename, so a crash never leaves half a ciphertext behind.
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, ciphertext, { mode: 0o600 });
    await rename(partial, file);
  }

  async get(accountId: string): Promise<string | null> {
    let ciphertext: Buffer;
    try {
      ciphertext = await readFile(this.file(accountId));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    // A secret is stored, so the keychain worked before: not available now means not yet (locked).
    if (!(await this.safe.isAsyncEncryptionAvailable())) throw unavailable('keychain-busy');
    let decrypted: Awaited<ReturnType<SafeStorageApi['decryptStringAsync']>>;
    try {
      decrypted = await this.safe.decryptStringAsync(ciphertext);
    } catch (error) {
      // Locked or still starting: try again later, the stored secret is fine.
      if (temporarilyUnavailable.test(error instanceof Error ? error.message : String(error)))
        throw unavailable('keychain-busy', error);
      // E.g. the keychain entry was reset: the stored secret is unreadable, the owner re-enters it.
      throw unavailable('decrypt', error);
    }
    // The OS key was rotated: store it again under the new key (best effort, the value is fine).
    if (decrypted.shouldReEncrypt) await this.put(accountId, decrypted.result).catch(() => undefined);
    return decrypted.result;
  }

  async delete(accountId: string): Promise<void> {
    await rm(this.file(accountId), { force: true });
  }

  private async ensureAvailable(): Promise<void> {
    const backend = this.platform === 'linux' ? this.safe.getSelectedStorageBackend() : undefined;
    if (backend === 'basic_text') throw unavailable('hardcoded-key', undefined, { backend });
    if (!(await this.safe.isAsyncEncryptionAvailable()))
      throw unavailable('unavailable', undefined, backend ? { backend } : {});
  }

  private file(accountId: string): string {
    // Account ids come from the core, but a path is built from them: allow nothing that navigates.
    if (!accountIdPattern.test(accountId)) throw new Error('Invalid account id for the secret store');
    return join(this.dir, `${accountId}.bin`);
  }
}
