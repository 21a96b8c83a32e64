import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_APPID, DEFAULT_SECRET, startSandbox, type Sandbox } from '../../../electron/sandbox';
import type { TestCore } from '../../support/coreServices';
import {
  addAccount,
  fastJobTiming,
  isFinished,
  startJobCore,
  syncAccount,
  TAGGING,
  waitForJob,
} from '../../support/jobCore';

let sandbox: Sandbox;
let core: TestCore | null = null;

/** The client's tries of one request (its default retry budget; the tests only shorten the waits). */
const CLIENT_ATTEMPTS = 6;

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    seed: 16,
    apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers: 200 }],
  });
});
afterAll(async () => sandbox.close());
afterEach(async () => {
  await core?.services.close();
  core = null;
  sandbox.control.reset();
});

describe('a batch that keeps meeting 45169 (this follower is changed too often)', () => {
  it('is sent at most one retry budget of times, then the job pauses and carries on once WeChat accepts it', async () => {
    core = await startJobCore(sandbox, { ...fastJobTiming, now: () => sandbox.control.now() });
    const accountId = await addAccount(core);
    const state = sandbox.control.state();
    const members = state.openids().slice(0, 30);
    const A = state.createTag('甲组', members);
    const B = state.createTag('乙组');
    await syncAccount(core, accountId);
    sandbox.control.clearCalls();
    const busy = sandbox.control.addFault({ kind: 'openidBusy', count: 1_000, path: TAGGING });

    const job = await core.ok('jobs:start', {
      accountId,
      kind: 'move',
      selection: { openids: members },
      from: A,
      to: B,
    });
    const paused = await waitForJob(core, accountId, job.id, (j) => j.status === 'paused' || isFinished(j));
    // One batch (30 followers, under the limit of 50): one budget, not client tries × step tries.
    expect(sandbox.control.calls({ path: TAGGING })).toHaveLength(CLIENT_ATTEMPTS);
    expect(paused).toMatchObject({
      status: 'paused',
      pauseReason: 'rate',
      lastError: { code: 'OPENID_BUSY' },
    });

    // WeChat lets the follower be changed again; the next minute's probe goes through.
    sandbox.control.removeFault(busy);
    if (paused.resumeAt) sandbox.control.setTime(paused.resumeAt);
    const done = await waitForJob(core, accountId, job.id, isFinished);
    expect(done).toMatchObject({ status: 'done', succeeded: 30, failed: 0 });
    expect(state.tagMembers(B).sort()).toEqual([...members].sort());
  });
});
