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
 * AppSecrets encrypted with the OS keychain through safeStorage: one ciphertext file per account
 * under `dir`; the plaintext exists only in memory. Refuses (SECRET_STORAGE_UNAVAILABLE) rather than
 * store a secret it cannot really protect — on Linux without a keyring Chromium falls back to the
 * 'basic_text' backend, whose key is hard-coded.
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
    const ciphertext = await this.safe.encryptStringAsync(secret);
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
    await this.ensureAvailable();
    let decrypted: Awaited<ReturnType<SafeStorageApi['decryptStringAsync']>>;
    try {
      decrypted = await this.safe.decryptStringAsync(ciphertext);
    } catch (error) {
      // E.g. the keychain entry was reset: the stored secret is unreadable, the user re-enters it.
      throw new AppError('SECRET_STORAGE_UNAVAILABLE', { reason: 'decrypt' }, { cause: error });
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
    const available = await this.safe.isAsyncEncryptionAvailable();
    if (!available || backend === 'basic_text')
      throw new AppError('SECRET_STORAGE_UNAVAILABLE', backend ? { backend } : {});
  }

  private file(accountId: string): string {
    // Account ids come from the core, but a path is built from them: allow nothing that navigates.
    if (!accountIdPattern.test(accountId)) throw new Error('Invalid account id for the secret store');
    return join(this.dir, `${accountId}.bin`);
  }
}
