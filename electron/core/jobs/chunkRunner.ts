import type { ErrorCode } from '#contract/result';
import type { AccountDb } from '../store';
import type { WeChatClient } from '../wechat/client';
import { mergeOps, type ItemOp } from './itemOp';
import { classify, errorData, JobInterrupt } from './jobErrors';
import type { JobTiming } from './jobTiming';
import { stepsOf, type OpStep } from './opSteps';

export interface ItemFailure {
  code: ErrorCode;
  errcode: number | undefined;
}

export interface ChunkResult {
  /** Every step of the op was accepted for these. */
  done: string[];
  failed: Map<string, ItemFailure>;
  /**
   * Followers who failed after some steps landed (tagged into B, then the untag from A was
   * refused): what WeChat applied to them, so undo can reverse it.
   */
  applied: Map<string, ItemOp>;
  /**
   * Writes what WeChat accepted into the cache. The caller runs it in the same transaction as
   * the items' records: one commit per chunk (commits were a third of the runner's time).
   */
  writeCache(): void;
}

export interface ChunkContext {
  client: WeChatClient;
  db: AccountDb;
  timing: JobTiming;
  /** Aborted when the services close: waits end, and the chunk's items stay pending. */
  signal: AbortSignal;
  /** The cache changed. */
  onCacheChanged(): void;
  /**
   * The chunk stopped (pause, failure) after some steps landed: what each follower got so far.
   * Called inside the transaction that writes those steps into the cache.
   */
  recordApplied?: (applied: ReadonlyMap<string, ItemOp>) => void;
  /** The chunk makes no more WeChat calls: the next chunk may start while this one is recorded. */
  onCallsDone?: () => void;
}

interface StepResult {
  ok: string[];
  failed: Map<string, ItemFailure>;
}

/**
 * Applies one op to one chunk of followers (≤ the API's batch limit): each step is one batch call.
 * Follower-specific refusals are found and recorded; those followers drop out of later steps (a
 * follower whose tagging failed keeps the old tag). Anything that stops the whole chunk throws a
 * JobInterrupt, after writing to the cache what the finished steps changed; its items stay pending
 * (every step is idempotent, so running the chunk again is safe).
 */
export async function runChunk(
  ctx: ChunkContext,
  op: ItemOp,
  openids: readonly string[],
): Promise<ChunkResult> {
  const failed = new Map<string, ItemFailure>();
  const accepted: { step: OpStep; openids: string[] }[] = [];
  // Every step that landed, per follower, until the chunk's result is known.
  const landed = new Map<string, ItemOp[]>();
  const writeCache = () => {
    if (accepted.length === 0) return;
    ctx.db.transaction(() => {
      for (const a of accepted.splice(0)) a.step.record(ctx.db, a.openids);
    });
    ctx.onCacheChanged();
  };
  let live = [...openids];
  try {
    for (const step of stepsOf(op)) {
      const r = await runStep(ctx, step, live, false);
      for (const [openid, failure] of r.failed) failed.set(openid, failure);
      if (r.ok.length > 0) accepted.push({ step, openids: r.ok });
      for (const openid of r.ok) {
        const parts = landed.get(openid);
        if (parts) parts.push(step.part);
        else landed.set(openid, [step.part]);
      }
      live = r.ok;
      if (live.length === 0) break;
    }
  } catch (error) {
    // The items stay pending, but what landed is recorded with the cache writes: a cancel or an
    // undo after this must still know that these followers were changed.
    const applied = appliedOf(landed, new Set());
    if (applied.size > 0 && ctx.recordApplied) {
      const record = ctx.recordApplied;
      ctx.db.transaction(() => {
        writeCache();
        record(applied);
      });
    } else {
      writeCache();
    }
    throw error;
  }
  if (ctx.onCallsDone) {
    // Let the next chunk's first request go out before this one is written down.
    ctx.onCallsDone();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { done: live, failed, applied: appliedOf(landed, new Set(live)), writeCache };
}

/** What landed for each follower not in `complete` (they got every step). */
function appliedOf(
  landed: ReadonlyMap<string, ItemOp[]>,
  complete: ReadonlySet<string>,
): Map<string, ItemOp> {
  const applied = new Map<string, ItemOp>();
  for (const [openid, parts] of landed) {
    if (complete.has(openid)) continue;
    const op = mergeOps(parts);
    if (op) applied.set(openid, op);
  }
  return applied;
}

async function runStep(
  ctx: ChunkContext,
  step: OpStep,
  openids: string[],
  partialRetried: boolean,
): Promise<StepResult> {
  for (let attempt = 1; ; attempt++) {
    let error: unknown;
    try {
      await step.call(ctx.client, openids);
      return { ok: openids, failed: new Map() };
    } catch (err) {
      error = err;
    }
    const action = classify(error);
    switch (action.kind) {
      case 'partial': {
        // 45171: WeChat applied the others. Retry only the named ones, once; then they failed.
        const named = new Set(action.failed);
        const again = openids.filter((o) => named.has(o));
        // Named none of ours (should not happen): nothing is known to have landed, so all again.
        const retry = again.length > 0 ? again : openids;
        const ok = again.length > 0 ? openids.filter((o) => !named.has(o)) : [];
        if (partialRetried) {
          const failure: ItemFailure = { code: 'PARTIAL_FAILURE', errcode: 45171 };
          return { ok, failed: new Map(retry.map((o) => [o, failure])) };
        }
        const r = await runStep(ctx, step, retry, true);
        return { ok: [...ok, ...r.ok], failed: r.failed };
      }
      case 'item': {
        // The whole batch was refused for one (or a few) of its followers: halve until found.
        if (openids.length === 1) {
          return {
            ok: [],
            failed: new Map([[openids[0] as string, { code: action.code, errcode: action.errcode }]]),
          };
        }
        const mid = Math.ceil(openids.length / 2);
        const left = await runStep(ctx, step, openids.slice(0, mid), partialRetried);
        const right = await runStep(ctx, step, openids.slice(mid), partialRetried);
        return { ok: [...left.ok, ...right.ok], failed: new Map([...left.failed, ...right.failed]) };
      }
      case 'retry':
        if (attempt < ctx.timing.maxRetries) {
          await backoff(ctx, attempt);
          continue;
        }
        throw new JobInterrupt('fatal', errorData(error), { cause: error });
      case 'pause':
        throw new JobInterrupt(action.reason, errorData(error), { cause: error });
      case 'fatal':
        throw new JobInterrupt('fatal', errorData(error), { cause: error });
    }
  }
}

/**
 * One call that is not a batch over followers (tags/delete at the end of a deleteGroup job), with
 * the same waits and pauses as a chunk; any follower-level answer is fatal here.
 */
export async function runSingleCall(
  ctx: Pick<ChunkContext, 'timing' | 'signal'>,
  call: () => Promise<void>,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await call();
      return;
    } catch (error) {
      const action = classify(error);
      if (action.kind === 'pause') throw new JobInterrupt(action.reason, errorData(error), { cause: error });
      if (action.kind !== 'retry' || attempt >= ctx.timing.maxRetries) {
        throw new JobInterrupt('fatal', errorData(error), { cause: error });
      }
      await backoff(ctx, attempt);
    }
  }
}

/**
 * Waits before sending again. Closing the services cuts the wait short and leaves the chunk's
 * items pending; otherwise a chunk, once started, runs all its steps (so none is sent twice).
 */
async function backoff(ctx: Pick<ChunkContext, 'timing' | 'signal'>, attempt: number): Promise<void> {
  await ctx.timing.sleep(Math.min(ctx.timing.retryDelayMs * 2 ** (attempt - 1), 60_000), ctx.signal);
  if (ctx.signal.aborted)
    throw new JobInterrupt('closing', { code: 'INTERNAL', params: {}, retryable: true });
}
