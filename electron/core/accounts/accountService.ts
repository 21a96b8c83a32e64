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
  private readonly list: AccountList;
  private readonly secrets: SecretStore;
  private readonly clients: ClientPool;
  private readonly demo: DemoEnvironment;
  private readonly dataDir: string;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly changed: () => void;

  constructor(deps: AccountServiceDeps) {
    this.list = deps.list;
    this.secrets = deps.secrets;
    this.clients = deps.clients;
    this.demo = deps.demo;
    this.dataDir = deps.dataDir;
    this.log = deps.log;
    this.now = deps.now;
    this.changed = deps.changed;
  }

  accounts(): { accounts: AccountRecord[]; defaultId: string | null } {
    return { accounts: this.list.all(), defaultId: this.list.defaultId() };
  }

  get(id: string): AccountRecord {
    const account = this.list.find(id);
    if (!account) throw new AppError('NOT_FOUND', { what: 'account', id });
    return account;
  }

  /** Folder of one account's cache and jobs. */
  accountDir(id: string): string {
    return join(this.dataDir, 'accounts', id.replace(/[^\w-]/g, '_'));
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
    const client = this.clients.forCredentials(appId, secret, input.network ?? { mode: 'direct' });
    try {
      return await probeCapabilities(client, this.now());
    } finally {
      await client.close();
    }
  }

  async add(input: AddAccountInput): Promise<AccountRecord> {
    const appId = normalizeAppId(input.appId);
    checkAppId(appId);
    checkAppSecret(normalizeAppSecret(input.appSecret));
    checkNetwork(input.network);
    if (this.list.all().some((a) => a.appId === appId && !a.isDemo)) {
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
      createdAt: this.now(),
    };
    // The secret store may refuse (no OS encryption): then nothing is saved at all.
    await this.secrets.put(record.id, normalizeAppSecret(input.appSecret));
    this.list.put(record);
    if (!this.list.all().some((a) => a.id !== record.id && !a.isDemo)) this.list.setDefault(record.id);
    this.log.info('account added', { accountId: record.id, appId });
    this.changed();
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
    await this.secrets.put(id, secret);
    // The old client's token came from the old secret: the next call fetches one with the new.
    await this.clients.drop(id);
    const record: AccountRecord = { ...current, capabilities };
    this.list.put(record);
    this.log.info('account secret changed', { accountId: id });
    this.changed();
    return record;
  }

  rename(id: string, name: string): AccountRecord {
    const record = { ...this.get(id), name: name.trim() };
    this.list.put(record);
    this.changed();
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
    this.list.put(record);
    await this.clients.drop(id);
    this.changed();
    return record;
  }

  /** Learns from use what the probe could not tell (remarks need a service account). */
  noteCapability(id: string, patch: Partial<Omit<Capabilities, 'checkedAt'>>): void {
    const current = this.list.find(id);
    if (!current) return;
    this.list.put({ ...current, capabilities: { ...current.capabilities, ...patch, checkedAt: this.now() } });
    this.changed();
  }

  /** Removes the account with its secret, cache and settings. */
  async remove(id: string): Promise<void> {
    const record = this.get(id);
    await this.clients.drop(id);
    if (!record.isDemo) await this.secrets.delete(id);
    await rm(this.accountDir(id), { recursive: true, force: true });
    this.list.remove(id);
    this.log.info('account removed', { accountId: id });
    this.changed();
  }

  setDefault(id: string): void {
    this.get(id);
    this.list.setDefault(id);
    this.changed();
  }

  /** Adds the demo account if it is not there and starts its emulator. */
  async openDemo(): Promise<AccountRecord> {
    await this.demo.url();
    let record = this.list.find(DEMO_ACCOUNT_ID);
    if (!record) {
      record = this.demo.record(this.now());
      this.list.put(record);
      this.changed();
    }
    return record;
  }

  /** Puts the demo's WeChat data and its local cache back to the start. */
  async resetDemo(): Promise<AccountRecord> {
    await this.demo.reset();
    await this.clients.drop(DEMO_ACCOUNT_ID);
    await rm(this.accountDir(DEMO_ACCOUNT_ID), { recursive: true, force: true });
    return this.openDemo();
  }
}
