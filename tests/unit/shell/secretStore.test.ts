import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/appError';
import { SafeStorageSecretStore, type SafeStorageApi } from '../../../electron/main/secretStore';

/** A stand-in for safeStorage: reversible but never the plaintext bytes, with switchable availability. */
function fakeSafeStorage(state: {
  available?: boolean;
  backend?: ReturnType<SafeStorageApi['getSelectedStorageBackend']>;
  rotate?: boolean;
}) {
  const calls = { encrypt: 0 };
  const api: SafeStorageApi = {
    isAsyncEncryptionAvailable: async () => state.available ?? true,
    getSelectedStorageBackend: () => state.backend ?? 'gnome_libsecret',
    encryptStringAsync: async (text) => {
      calls.encrypt++;
      return Buffer.from(`enc:${Buffer.from(text).toString('base64').split('').reverse().join('')}`);
    },
    decryptStringAsync: async (buffer) => {
      const body = buffer.toString().replace(/^enc:/, '').split('').reverse().join('');
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
      params: { backend: 'basic_text' },
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
