import { AppError } from '../appError';
import type { Logger, SecretStore } from '../ports';
import { WeChatClient, type WeChatClientOptions } from '../wechat/client';
import type { AccountRecord } from './accountRecord';
import type { DemoEnvironment } from './demoEnvironment';
import { checkNetwork } from './networkRules';

/** Client settings every account shares: timeouts, retries, and where host names resolve to. */
export type SharedClientOptions = Pick<
  WeChatClientOptions,
  | 'hosts'
  | 'resolveTo'
  | 'resolveSystemProxy'
  | 'connectTimeoutMs'
  | 'responseTimeoutMs'
  | 'retry'
  | 'retryPrimaryAfterMs'
  | 'now'
  | 'log'
>;

export interface ClientPoolDeps {
  secrets: SecretStore;
  demo: DemoEnvironment;
  /** Options every account's client shares (hosts, timeouts, the system proxy). */
  shared: SharedClientOptions;
  log: Logger;
  /** Told whenever an account's client finds WeChat reachable or not. */
  onReachability?: (accountId: string, online: boolean, reason?: string) => void;
}

/** One WeChat client (and so one in-memory token) per account, made on first use. */
export class ClientPool {
  private readonly clients = new Map<string, Promise<WeChatClient>>();

  constructor(private readonly deps: ClientPoolDeps) {}

  get(account: AccountRecord): Promise<WeChatClient> {
    let client = this.clients.get(account.id);
    if (!client) {
      client = this.create(account);
      this.clients.set(account.id, client);
      client.catch(() => this.clients.delete(account.id));
    }
    return client;
  }

  /** A client for credentials that are not saved yet (the connection test). */
  forCredentials(appId: string, secret: string, network: AccountRecord['network']): WeChatClient {
    return new WeChatClient({
      ...this.deps.shared,
      appId,
      secret: async () => secret,
      network,
      log: this.deps.log,
    });
  }

  /** Forget an account's client and token (its settings changed, or it was removed). */
  async drop(accountId: string): Promise<void> {
    const client = this.clients.get(accountId);
    this.clients.delete(accountId);
    if (client) await (await client).close().catch(() => undefined);
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.clients.keys()].map((id) => this.drop(id)));
  }

  private async create(account: AccountRecord): Promise<WeChatClient> {
    const reach = this.deps.onReachability;
    const onReachability = reach
      ? (online: boolean, reason?: string) => reach(account.id, online, reason)
      : undefined;
    if (account.isDemo) {
      const baseUrl = await this.deps.demo.url();
      const demoSecret = this.deps.demo.secret;
      return new WeChatClient({
        ...this.deps.shared,
        appId: account.appId,
        secret: async () => demoSecret,
        network: { mode: 'custom-base', baseUrl },
        log: this.deps.log,
        ...(onReachability ? { onReachability } : {}),
      });
    }
    return new WeChatClient({
      ...this.deps.shared,
      appId: account.appId,
      network: account.network,
      log: this.deps.log,
      ...(onReachability ? { onReachability } : {}),
      secret: async () => {
        // A setting saved before http:// was refused: the secret is not sent through it.
        checkNetwork(account.network);
        // Missing (a copied data folder) or undecryptable (a reset keychain): the owner enters it
        // again through "change AppSecret", which keeps the account's notes and history.
        let secret: string | null;
        try {
          secret = await this.deps.secrets.get(account.id);
        } catch (error) {
          if (!(error instanceof AppError) || error.params['reason'] !== 'decrypt') throw error;
          throw new AppError(
            'SECRET_UNREADABLE',
            { accountId: account.id, reason: 'decrypt' },
            { cause: error },
          );
        }
        if (!secret) throw new AppError('SECRET_UNREADABLE', { accountId: account.id, reason: 'missing' });
        return secret;
      },
    });
  }
}
