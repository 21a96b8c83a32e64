import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretStore } from '../ports';

/**
 * Keeps secrets as PLAIN TEXT files. For tests and the browser host only: the Electron app wires
 * in the safeStorage store instead, and nothing in electron/main may import this file.
 */
export class InsecureFileSecretStore implements SecretStore {
  readonly kind = 'insecure-file (tests and browser host only)';

  constructor(private readonly folder: string) {}

  private file(accountId: string): string {
    return join(this.folder, `${accountId.replace(/[^\w-]/g, '_')}.secret`);
  }

  async get(accountId: string): Promise<string | null> {
    try {
      return await readFile(this.file(accountId), 'utf8');
    } catch {
      return null;
    }
  }

  async put(accountId: string, secret: string): Promise<void> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    await writeFile(this.file(accountId), secret, { mode: 0o600 });
  }

  async delete(accountId: string): Promise<void> {
    await rm(this.file(accountId), { force: true });
  }
}
