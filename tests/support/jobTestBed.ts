import { afterAll, afterEach, beforeAll } from 'vitest';
import type { JobTimingOptions } from '../../electron/core/jobs/jobTiming';
import { DEFAULT_APPID, DEFAULT_SECRET, startEmulator, type Emulator } from '../../electron/emulator';
import type { TestCore } from './coreServices';
import { fastJobTiming, startJobCore } from './jobCore';

/** What a job test file works with: one emulator for the file and one core per test. */
export interface JobTestBed {
  /** Seeded with one account; started before the file's first test, reset after each test. */
  readonly emulator: Emulator;
  /** The test's core against that emulator (see startJobCore), closed when the test ends. */
  startCore(jobs?: JobTimingOptions): Promise<TestCore>;
}

/**
 * Registers the hooks the job tests share. Seeding thousands of followers once per file keeps the
 * suite fast; the reset after each test hands the next one the same seeded account.
 */
export function jobTestBed(seed: number, followers: number): JobTestBed {
  let running: Emulator | null = null;
  let core: TestCore | null = null;
  const started = (): Emulator => {
    if (!running) throw new Error('the emulator starts in beforeAll: use it inside a test or hook');
    return running;
  };

  beforeAll(async () => {
    running = await startEmulator({
      port: 0,
      seed,
      apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers }],
    });
  });
  afterAll(async () => running?.close());
  afterEach(async () => {
    await core?.services.close();
    core = null;
    running?.control.reset();
  });

  // Handed out before beforeAll runs, so it reads the started emulator on each use.
  const emulator: Emulator = {
    get url() {
      return started().url;
    },
    get port() {
      return started().port;
    },
    get control() {
      return started().control;
    },
    close: () => started().close(),
  };
  return {
    emulator,
    async startCore(jobs = fastJobTiming) {
      core = await startJobCore(started(), jobs);
      return core;
    },
  };
}
