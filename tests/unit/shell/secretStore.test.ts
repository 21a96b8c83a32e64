import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../../../electron/core/accounts/accountRecord';
import { ClientPool } from '../../../electron/core/accounts/clientPool';
import { DemoEnvironment } from '../../../electron/core/accounts/demoEnvironment';
import { AppError } from '../../../electron/core/appError';
import { SafeStorageSecretStore, type SafeStorageApi } from '../../../electron/main/secretStore';
import { capturingLog } from '../../support/sandboxClient';

/** A stand-in for safeStorage: reversible but never the plaintext bytes, with switchable availability. */
function fakeSafeStorage(state: {
  available?: boolean;
  backend?: ReturnType<SafeStorageApi['getSelectedStorageBackend']>;
  rotate?: boolean;
  /** The tag Chromium puts in front of the ciphertext: 'v11' keyring key, 'v10' hard-coded key. */
  tag?: string;
  /** What the next encrypt or decrypt rejects with (Electron's own messages). */
  encryptError?: string;
  decryptError?: string;
}) {
  const calls = { encrypt: 0 };
  const api: SafeStorageApi = {
    isAsyncEncryptionAvailable: async () => state.available ?? true,
    getSelectedStorageBackend: () => state.backend ?? 'gnome_libsecret',
    encryptStringAsync: async (text) => {
      calls.encrypt++;
      if (state.encryptError) throw new Error(state.encryptError);
      const tag = state.tag ?? 'v11';
      return Buffer.from(`${tag}${Buffer.from(text).toString('base64').split('').reverse().join('')}`);
    },
    decryptStringAsync: async (buffer) => {
      if (state.decryptError) throw new Error(state.decryptError);
      const body = buffer
        .toString()
        .replace(/^v1[01]/, '')
        .split('')
        .reverse()
        .join('');
      return { result: Buffer.from(body, 'base64').toString(), shouldReEncrypt: state.rotate ?? false };
    },
  };
  return { api, calls };
}

const secret = '0123456789abcdef0123456789abcdef';
const tempDir = () => join(mkdtempSync(join(tmpdir(), 'fg-secrets-')), 'secrets');

describe('safeStorage secret store', () => {
  it('stores only ciphertext, in a private file, and reads it back', async () => {
    const dir = tempDir();
    const store = new SafeStorageSecretStore(dir, fakeSafeStorage({}).api, 'linux');
    expect(await store.get('acc_1')).toBeNull();
    await store.put('acc_1', secret);
    const [file] = readdirSync(dir);
    expect(file).toBe('acc_1.bin');
    expect(readFileSync(join(dir, 'acc_1.bin'), 'utf8')).not.toContain(secret);
    if (process.platform !== 'win32') expect(statSync(join(dir, 'acc_1.bin')).mode & 0o777).toBe(0o600);
    expect(await store.get('acc_1')).toBe(secret);
    await store.delete('acc_1');
    expect(await store.get('acc_1')).toBeNull();
    await store.delete('acc_1'); // idempotent
  });

  it('refuses to store when encryption is unavailable', async () => {
    const store = new SafeStorageSecretStore(tempDir(), fakeSafeStorage({ available: false }).api, 'win32');
    await expect(store.put('a', secret)).rejects.toMatchObject({
      code: 'SECRET_STORAGE_UNAVAILABLE',
      params: {},
    });
  });

  it("refuses Linux's basic_text backend and names it", async () => {
    const store = new SafeStorageSecretStore(
      tempDir(),
      fakeSafeStorage({ backend: 'basic_text' }).api,
      'linux',
    );
    const error: unknown = await store.put('a', secret).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).toData()).toEqual({
      code: 'SECRET_STORAGE_UNAVAILABLE',
      params: { reason: 'hardcoded-key', backend: 'basic_text' },
      retryable: false,
    });
  });

  it("refuses Linux's fallback to the hard-coded key even when the backend does not say basic_text", async () => {
    const dir = tempDir();
    const store = new SafeStorageSecretStore(dir, fakeSafeStorage({ tag: 'v10' }).api, 'linux');
    await expect(store.put('a', secret)).rejects.toMatchObject({
      code: 'SECRET_STORAGE_UNAVAILABLE',
      params: { reason: 'hardcoded-key' },
      retryable: false,
    });
    expect(existsSync(join(dir, 'a.bin'))).toBe(false);
    // 'v10' means the hard-coded key only on Linux (Windows' DPAPI-wrapped key uses the same tag).
    const windows = new SafeStorageSecretStore(tempDir(), fakeSafeStorage({ tag: 'v10' }).api, 'win32');
    await windows.put('a', secret);
    expect(await windows.get('a')).toBe(secret);
  });

  it('turns a refused encryption (Deny on the keychain prompt) into SECRET_STORAGE_UNAVAILABLE, not INTERNAL', async () => {
    const dir = tempDir();
    const fake = fakeSafeStorage({
      encryptError: 'Error while encrypting the text provided to safeStorage.encryptStringAsync.',
    });
    const store = new SafeStorageSecretStore(dir, fake.api, 'darwin');
    const error: unknown = await store.put('a', secret).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).toData()).toEqual({
      code: 'SECRET_STORAGE_UNAVAILABLE',
      params: { reason: 'encrypt-failed' },
      retryable: false,
    });
    expect(existsSync(join(dir, 'a.bin'))).toBe(false);
  });

  it('says a keychain that is only temporarily unavailable is worth retrying, and keeps the secret', async () => {
    const state: Parameters<typeof fakeSafeStorage>[0] = {};
    const dir = tempDir();
    const store = new SafeStorageSecretStore(dir, fakeSafeStorage(state).api, 'darwin');
    await store.put('a', secret);

    state.decryptError = 'safeStorage.decryptStringAsync is temporarily unavailable. Please try again.';
    await expect(store.get('a')).rejects.toMatchObject({
      code: 'SECRET_STORAGE_UNAVAILABLE',
      params: { reason: 'keychain-busy' },
      retryable: true,
    });
    delete state.decryptError;
    state.available = false; // Locked: the encryptor is not ready yet.
    await expect(store.get('a')).rejects.toMatchObject({
      params: { reason: 'keychain-busy' },
      retryable: true,
    });

    state.available = true;
    expect(await store.get('a')).toBe(secret);
    expect(existsSync(join(dir, 'a.bin'))).toBe(true);
  });

  it('asks for the secret again only when the stored one really cannot be decrypted', async () => {
    const state: Parameters<typeof fakeSafeStorage>[0] = {};
    const store = new SafeStorageSecretStore(tempDir(), fakeSafeStorage(state).api, 'win32');
    await store.put('a', secret);
    state.decryptError = 'Error while decrypting the ciphertext provided to safeStorage.decryptStringAsync.';
    await expect(store.get('a')).rejects.toMatchObject({
      code: 'SECRET_STORAGE_UNAVAILABLE',
      // The reason the core turns into SECRET_UNREADABLE (更换 AppSecret).
      params: { reason: 'decrypt' },
      retryable: false,
    });
  });

  it('re-encrypts when the OS key was rotated', async () => {
    const state = { rotate: false };
    const fake = fakeSafeStorage(state);
    const store = new SafeStorageSecretStore(tempDir(), fake.api, 'darwin');
    await store.put('a', secret);
    state.rotate = true;
    expect(await store.get('a')).toBe(secret);
    expect(fake.calls.encrypt).toBe(2);
  });

  it('never builds a path from an id that could leave the folder', async () => {
    const store = new SafeStorageSecretStore(tempDir(), fakeSafeStorage({}).api, 'linux');
    for (const id of ['../x', 'a/b', '', '..', 'a\\b', 'a.b'])
      await expect(store.put(id, secret), id).rejects.toThrow(/Invalid account id/);
  });
});

describe('what the core makes of the keychain', () => {
  // The client asks the store for the secret when it needs a token: a reset keychain becomes
  // SECRET_UNREADABLE (更换 AppSecret), a locked one stays retryable and asks for nothing.
  const account: AccountRecord = {
    id: 'acc_1',
    name: '小店',
    appId: 'wx0123456789abcdef',
    isDemo: false,
    capabilities: { userManagement: 'yes', remarks: 'unknown', checkedAt: null },
    groupApi: 'tags',
    network: { mode: 'direct' },
    createdAt: 0,
  };
  async function tokenError(decryptError: string) {
    const state: Parameters<typeof fakeSafeStorage>[0] = {};
    const store = new SafeStorageSecretStore(tempDir(), fakeSafeStorage(state).api, 'darwin');
    await store.put(account.id, secret);
    state.decryptError = decryptError;
    const pool = new ClientPool({
      secrets: store,
      demo: new DemoEnvironment(),
      shared: {},
      log: capturingLog(),
    });
    const client = await pool.get(account);
    try {
      return await client.token().then(
        () => null,
        (e: unknown) => (e as AppError).toData(),
      );
    } finally {
      await pool.closeAll();
    }
  }

  it('a secret that no longer decrypts leads to entering it again', async () => {
    expect(
      await tokenError('Error while decrypting the ciphertext provided to safeStorage.decryptStringAsync.'),
    ).toMatchObject({ code: 'SECRET_UNREADABLE', params: { reason: 'decrypt' } });
  });

  it('a locked keychain is worth retrying and asks for nothing', async () => {
    expect(
      await tokenError('safeStorage.decryptStringAsync is temporarily unavailable. Please try again.'),
    ).toMatchObject({
      code: 'SECRET_STORAGE_UNAVAILABLE',
      params: { reason: 'keychain-busy' },
      retryable: true,
    });
  });
});
