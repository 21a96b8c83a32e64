import type { KeyValueStore } from '../ports';
import type { AccountRecord } from './accountRecord';

const ACCOUNTS = 'accounts';
const DEFAULT_ID = 'defaultAccountId';

/** The account list and the default account, kept in the settings store. */
export class AccountList {
  constructor(private readonly store: KeyValueStore) {}

  all(): AccountRecord[] {
    const value = this.store.get(ACCOUNTS);
    return Array.isArray(value) ? (value as AccountRecord[]) : [];
  }

  find(id: string): AccountRecord | undefined {
    return this.all().find((a) => a.id === id);
  }

  put(record: AccountRecord): void {
    const rest = this.all().filter((a) => a.id !== record.id);
    this.store.set(
      ACCOUNTS,
      [...rest, record].sort((a, b) => a.createdAt - b.createdAt),
    );
  }

  remove(id: string): void {
    this.store.set(
      ACCOUNTS,
      this.all().filter((a) => a.id !== id),
    );
    if (this.defaultId() === id) this.store.delete(DEFAULT_ID);
  }

  defaultId(): string | null {
    const id = this.store.get(DEFAULT_ID);
    if (typeof id === 'string' && this.find(id)) return id;
    return this.all().find((a) => !a.isDemo)?.id ?? this.all()[0]?.id ?? null;
  }

  setDefault(id: string): void {
    this.store.set(DEFAULT_ID, id);
  }
}
