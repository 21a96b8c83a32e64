import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { GroupApi, NetworkSetting } from '#contract/accounts';
import { AppError } from '../appError';
import type { Logger, SecretStore } from '../ports';
import type { AccountRecord, Capabilities } from './accountRecord';
import type { AccountList } from './accountList';
import { probeCapabilities } from './capabilities';
import type { ClientPool } from './clientPool';
import { checkAppId, checkAppSecret, normalizeAppId, normalizeAppSecret } from './credentials';
import { DEMO_ACCOUNT_ID, type DemoEnvironment } from './demoEnvironment';
import { checkNetwork } from './networkRules';

export interface AddAccountInput {
  name?: string | undefined;
  appId: string;
  appSecret: string;
  network?: NetworkSetting | undefined;
  groupApi?: GroupApi | undefined;
}

/** A new AppSecret WeChat accepted, ready to save (never leaves the core). */
export interface VerifiedSecret {
  id: string;
  secret: string;
  capabilities: Capabilities;
}

export interface AccountServiceDeps {
  list: AccountList;
  secrets: SecretStore;
  clients: ClientPool;
  demo: DemoEnvironment;
  dataDir: string;
  log: Logger;
  now: () => number;
  /** Called after any change, so hosts can tell the renderer (`accounts:changed`). */
  changed: () => void;
}

/** Adding, checking, renaming and removing accounts; the demo account is one of them. */
export class AccountService {
  constructor(private readonly deps: AccountServiceDeps) {}

  accounts(): { accounts: AccountRecord[]; defaultId: string | null } {
    return { accounts: this.deps.list.all(), defaultId: this.deps.list.defaultId() };
  }

  get(id: string): AccountRecord {
    const account = this.deps.list.find(id);
    if (!account) throw new AppError('NOT_FOUND', { what: 'account', id });
    return account;
  }

  /** Folder of one account's cache and jobs. */
  accountDir(id: string): string {
    return join(this.deps.dataDir, 'accounts', id.replace(/[^\w-]/g, '_'));
  }

  /**
   * Formats first (so the user learns which field is wrong), then a live token call, then the
   * capability probe. Nothing is saved.
   */
  async test(input: Pick<AddAccountInput, 'appId' | 'appSecret' | 'network'>): Promise<Capabilities> {
    const appId = normalizeAppId(input.appId);
    const secret = normalizeAppSecret(input.appSecret);
    checkAppId(appId);
    checkAppSecret(secret);
    checkNetwork(input.network);
    const client = this.deps.clients.forCredentials(appId, secret, input.network ?? { mode: 'direct' });
    try {
      return await probeCapabilities(client, this.deps.now());
    } finally {
      await client.close();
    }
  }

  async add(input: AddAccountInput): Promise<AccountRecord> {
    const appId = normalizeAppId(input.appId);
    checkAppId(appId);
    checkAppSecret(normalizeAppSecret(input.appSecret));
    checkNetwork(input.network);
    if (this.deps.list.all().some((a) => a.appId === appId && !a.isDemo)) {
      throw new AppError('ACCOUNT_EXISTS', { appId });
    }
    const capabilities = await this.test(input);
    // An unverified account can do nothing here; saving it would only hide that.
    if (capabilities.userManagement === 'no') throw new AppError('API_UNAUTHORIZED', { during: 'add' });
    const record: AccountRecord = {
      id: randomUUID(),
      name: input.name?.trim() || appId,
      appId,
      isDemo: false,
      capabilities,
      groupApi: input.groupApi ?? 'tags',
      network: input.network ?? { mode: 'direct' },
      createdAt: this.deps.now(),
    };
    // The secret store may refuse (no OS encryption): then nothing is saved at all.
    await this.deps.secrets.put(record.id, normalizeAppSecret(input.appSecret));
    this.deps.list.put(record);
    if (!this.deps.list.all().some((a) => a.id !== record.id && !a.isDemo))
      this.deps.list.setDefault(record.id);
    this.deps.log.info('account added', { accountId: record.id, appId });
    this.deps.changed();
    return record;
  }

  /**
   * The first half of changing an AppSecret: format, then a live token call and the capability
   * probe with the new one. Nothing is saved or stopped; a refused secret throws.
   */
  async verifySecret(id: string, rawSecret: string): Promise<VerifiedSecret> {
    const current = this.get(id);
    if (current.isDemo) throw new AppError('DEMO_READ_ONLY', { what: 'appSecret' });
    const secret = normalizeAppSecret(rawSecret);
    checkAppSecret(secret);
    const capabilities = await this.test({
      appId: current.appId,
      appSecret: secret,
      network: current.network,
    });
    if (capabilities.userManagement === 'no')
      throw new AppError('API_UNAUTHORIZED', { during: 'changeSecret' });
    return { id, secret, capabilities };
  }

  /**
   * Saves a verified AppSecret in place of the old one. Everything else (cache, notes, jobs,
   * settings) stays; the caller lets the account's chunks in flight land first.
   */
  async saveSecret({ id, secret, capabilities }: VerifiedSecret): Promise<AccountRecord> {
    const current = this.get(id);
    await this.deps.secrets.put(id, secret);
    // The old client's token came from the old secret: the next call fetches one with the new.
    await this.deps.clients.drop(id);
    const record: AccountRecord = { ...current, capabilities };
    this.deps.list.put(record);
    this.deps.log.info('account secret changed', { accountId: id });
    this.deps.changed();
    return record;
  }

  rename(id: string, name: string): AccountRecord {
    const record = { ...this.get(id), name: name.trim() };
    this.deps.list.put(record);
    this.deps.changed();
    return record;
  }

  async configure(
    id: string,
    patch: { network?: NetworkSetting; groupApi?: GroupApi },
  ): Promise<AccountRecord> {
    const current = this.get(id);
    if (current.isDemo && patch.network) throw new AppError('DEMO_READ_ONLY', { what: 'network' });
    checkNetwork(patch.network);
    const record = { ...current, ...patch };
    this.deps.list.put(record);
    await this.deps.clients.drop(id);
    this.deps.changed();
    return record;
  }

  /** Learns from use what the probe could not tell (remarks need a service account). */
  noteCapability(id: string, patch: Partial<Omit<Capabilities, 'checkedAt'>>): void {
    const current = this.deps.list.find(id);
    if (!current) return;
    this.deps.list.put({
      ...current,
      capabilities: { ...current.capabilities, ...patch, checkedAt: this.deps.now() },
    });
    this.deps.changed();
  }

  /** Removes the account with its secret, cache and settings. */
  async remove(id: string): Promise<void> {
    const record = this.get(id);
    await this.deps.clients.drop(id);
    if (!record.isDemo) await this.deps.secrets.delete(id);
    await rm(this.accountDir(id), { recursive: true, force: true });
    this.deps.list.remove(id);
    this.deps.log.info('account removed', { accountId: id });
    this.deps.changed();
  }

  setDefault(id: string): void {
    this.get(id);
    this.deps.list.setDefault(id);
    this.deps.changed();
  }

  /** Adds the demo account if it is not there and starts its emulator. */
  async openDemo(): Promise<AccountRecord> {
    await this.deps.demo.url();
    let record = this.deps.list.find(DEMO_ACCOUNT_ID);
    if (!record) {
      record = this.deps.demo.record(this.deps.now());
      this.deps.list.put(record);
      this.deps.changed();
    }
    return record;
  }

  /** Puts the demo's WeChat data and its local cache back to the start. */
  async resetDemo(): Promise<AccountRecord> {
    await this.deps.demo.reset();
    await this.deps.clients.drop(DEMO_ACCOUNT_ID);
    await rm(this.accountDir(DEMO_ACCOUNT_ID), { recursive: true, force: true });
    return this.openDemo();
  }
}
