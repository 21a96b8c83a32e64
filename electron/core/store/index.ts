// The offline cache: one SQLite database per account (see accountDb.ts).
export { openAccountDb, type AccountDb, type OpenAccountDbOptions, type OpenedAccountDb } from './accountDb';
export type {
  FollowerCountFilter,
  FollowerFields,
  FollowerMemberships,
  FollowerRepo,
  FollowerUpsert,
} from './followerRepo';
export {
  inlineFollowerWriter,
  openFollowerWriter,
  type FollowerWriter,
  type StateEntry,
} from './followerWriter';
export type { GroupInput, GroupRepo } from './groupRepo';
export { SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
export type { Recovery, RecoveryReason } from './openDatabase';
export type { SyncStateRepo } from './syncStateRepo';
export {
  JobStore,
  type DoneItem,
  type JobRecord,
  type NewItem,
  type NewJob,
  type PendingItem,
} from './jobStore';
