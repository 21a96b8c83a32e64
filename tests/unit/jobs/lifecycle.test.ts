import { describe, expect, it } from 'vitest';
import type { AppErrorData } from '#contract/result';
import { transition, type JobEvent, type JobState } from '../../../electron/core/jobs/jobLifecycle';

const NOW = 1_000_000;
const STARTED = 500;
const offline: AppErrorData = { code: 'NETWORK' } as AppErrorData;
const fatal: AppErrorData = { code: 'BAD_INPUT' } as AppErrorData;

const base: JobState = {
  status: 'queued',
  pauseReason: null,
  resumeAt: null,
  startedAt: null,
  finishedAt: null,
  lastError: null,
};

/** Every state a job can be in, by a name the table below uses. */
const states = {
  queued: base,
  running: { ...base, status: 'running', startedAt: STARTED },
  pausedByUser: { ...base, status: 'paused', pauseReason: 'user', startedAt: STARTED },
  pausedByUserBeforeStart: { ...base, status: 'paused', pauseReason: 'user' },
  pausedAuto: {
    ...base,
    status: 'paused',
    pauseReason: 'offline',
    resumeAt: 900_000,
    startedAt: STARTED,
    lastError: offline,
  },
  done: { ...base, status: 'done', startedAt: STARTED, finishedAt: 800 },
  cancelling: { ...base, status: 'cancelled', startedAt: STARTED },
  cancelled: { ...base, status: 'cancelled', startedAt: STARTED, finishedAt: 800 },
  failed: { ...base, status: 'failed', startedAt: STARTED, finishedAt: 800, lastError: fatal },
} satisfies Record<string, JobState>;
type StateName = keyof typeof states;

const events = {
  started: { type: 'started' },
  pausedByUser: { type: 'pausedByUser' },
  pausedAuto: { type: 'pausedAuto', reason: 'quota', resumeAt: 2_000_000, error: offline },
  probePassed: { type: 'probePassed' },
  resumed: { type: 'resumed' },
  cancelled: { type: 'cancelled', settled: true },
  cancelledInFlight: { type: 'cancelled', settled: false },
  completed: { type: 'completed' },
  failed: { type: 'failed', error: fatal },
} satisfies Record<string, JobEvent>;
type EventName = keyof typeof events;

/** The state each legal move leads to; a pair not listed is illegal. */
const legal: Partial<Record<StateName, Partial<Record<EventName, JobState>>>> = {
  queued: {
    started: { ...base, status: 'running', startedAt: NOW },
    pausedByUser: { ...base, status: 'paused', pauseReason: 'user' },
    pausedAuto: { ...base, status: 'paused', pauseReason: 'quota', resumeAt: 2_000_000, lastError: offline },
    cancelled: { ...base, status: 'cancelled', finishedAt: NOW },
    cancelledInFlight: { ...base, status: 'cancelled' },
    completed: { ...base, status: 'done', startedAt: NOW, finishedAt: NOW },
    failed: { ...base, status: 'failed', finishedAt: NOW, lastError: fatal },
  },
  running: {
    pausedByUser: { ...states.running, status: 'paused', pauseReason: 'user' },
    pausedAuto: {
      ...states.running,
      status: 'paused',
      pauseReason: 'quota',
      resumeAt: 2_000_000,
      lastError: offline,
    },
    cancelled: { ...states.running, status: 'cancelled', finishedAt: NOW },
    cancelledInFlight: { ...states.running, status: 'cancelled' },
    completed: { ...states.running, status: 'done', finishedAt: NOW },
    failed: { ...states.running, status: 'failed', finishedAt: NOW, lastError: fatal },
  },
  pausedByUser: {
    resumed: { ...states.running },
    cancelled: { ...states.running, status: 'cancelled', finishedAt: NOW },
    cancelledInFlight: { ...states.running, status: 'cancelled' },
    failed: { ...states.running, status: 'failed', finishedAt: NOW, lastError: fatal },
  },
  pausedByUserBeforeStart: {
    resumed: base,
    cancelled: { ...base, status: 'cancelled', finishedAt: NOW },
    cancelledInFlight: { ...base, status: 'cancelled' },
    failed: { ...base, status: 'failed', finishedAt: NOW, lastError: fatal },
  },
  pausedAuto: {
    pausedByUser: { ...states.pausedAuto, pauseReason: 'user', resumeAt: null },
    // A failed probe renews the pause with its new reason, time and error.
    pausedAuto: { ...states.pausedAuto, pauseReason: 'quota', resumeAt: 2_000_000 },
    probePassed: states.running,
    resumed: states.running,
    cancelled: {
      ...states.pausedAuto,
      status: 'cancelled',
      pauseReason: null,
      resumeAt: null,
      finishedAt: NOW,
    },
    cancelledInFlight: { ...states.pausedAuto, status: 'cancelled', pauseReason: null, resumeAt: null },
    completed: { ...states.running, status: 'done', finishedAt: NOW },
    failed: { ...states.running, status: 'failed', finishedAt: NOW, lastError: fatal },
  },
  // The chunks in flight at the cancel landed: only now is the job finished.
  cancelling: { cancelled: { ...states.cancelling, finishedAt: NOW } },
  failed: {
    resumed: states.running,
    cancelled: { ...states.failed, status: 'cancelled', finishedAt: NOW },
    cancelledInFlight: { ...states.failed, status: 'cancelled', finishedAt: null },
  },
};

const pairs = (Object.keys(states) as StateName[]).flatMap((s) =>
  (Object.keys(events) as EventName[]).map((e) => [s, e] as const),
);

describe('the job lifecycle', () => {
  it.each(pairs.filter(([s, e]) => legal[s]?.[e]))('%s --%s--> the expected state', (s, e) => {
    const result = transition(states[s], events[e], NOW);
    expect(result).toEqual({ ok: true, state: legal[s]?.[e] });
  });

  it.each(pairs.filter(([s, e]) => !legal[s]?.[e]))('%s refuses %s', (s, e) => {
    const result = transition(states[s], events[e], NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.why).toContain(events[e].type);
  });

  it('leaves the job it was given as it was', () => {
    const job = { ...states.running };
    transition(job, events.completed, NOW);
    expect(job).toEqual(states.running);
  });

  it('has every transition covered by the table, legal or refused', () => {
    expect(pairs).toHaveLength(Object.keys(states).length * Object.keys(events).length);
    const legalCount = Object.values(legal).reduce((n, row) => n + Object.keys(row).length, 0);
    expect(legalCount).toBe(pairs.filter(([s, e]) => transition(states[s], events[e], NOW).ok).length);
  });
});
