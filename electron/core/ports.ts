import type { StartupNotice } from '#contract/channels';
import type { UpdateState } from '#contract/updates';

/**
 * What the core needs from its host (the Electron shell or the browser host), passed in through
 * createServices(ports) so tests can hand in real, temporary versions of each.
 */

/** Per-account secret storage. The Electron one encrypts with safeStorage; tests use a file. */
export interface SecretStore {
  /** Says what protects the secrets, e.g. 'safeStorage' or 'insecure-file (tests only)'. */
  readonly kind: string;
  get(accountId: string): Promise<string | null>;
  put(accountId: string, secret: string): Promise<void>;
  delete(accountId: string): Promise<void>;
}

/** Small JSON settings (no secrets): electron-store in both hosts. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

/** Structured log; a log line never carries an AppSecret or a token. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * Overrides for how the WeChat client connects. Unset in the real app; tests, the browser host and
 * benchmarks set `hosts` (and `resolveTo: '127.0.0.1'`) so nothing ever leaves the machine.
 */
export interface WeChatConnectOptions {
  hosts?: readonly string[];
  resolveTo?: string;
  connectTimeoutMs?: number;
  responseTimeoutMs?: number;
  retry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number; maxTotalMs?: number };
}

/** The app's self-update. Only the installed Electron app has one; elsewhere it is off. */
export interface UpdatePort {
  state(): UpdateState;
  /** Asks the update server; resolves once it answered (or failed). */
  check(): Promise<UpdateState>;
  setInstallOnQuit(enabled: boolean): UpdateState;
  /** Quits and installs a downloaded update. */
  restart(): Promise<UpdateState>;
  subscribe(listener: (state: UpdateState) => void): () => void;
}

/**
 * The demo account's WeChat: the emulator, which the core never imports (a host starts it:
 * electron/hostShared/demoEmulator.ts) so the app is useful before anyone enters credentials.
 */
export interface DemoWeChatPort {
  readonly appId: string;
  readonly secret: string;
  /** Its base URL, starting it on first use. */
  url(): Promise<string>;
  /** Puts the demo data back as it was first seeded. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface CorePorts {
  /** Root of this installation's data: one folder per account below it. */
  dataDir: string;
  secrets: SecretStore;
  settings: KeyValueStore;
  log: Logger;
  /** The system proxy for a URL as a proxy URL ('http://host:port'), or null for direct. Electron only. */
  resolveSystemProxy?: (url: string) => Promise<string | null>;
  /** App version and name for app:info; its log folder and what to tell the owner once. */
  app: { name: string; version: string; logDir?: string; notices?: readonly StartupNotice[] };
  /** Shows a folder in the system's file manager; resolves false if it could not. Electron only. */
  openFolder?: (path: string) => Promise<boolean>;
  now?: () => number;
  wechat?: WeChatConnectOptions;
  /** Self-update (Electron main); without it, updates are reported as off ('dev'). */
  updates?: UpdatePort;
  demo: DemoWeChatPort;
}
