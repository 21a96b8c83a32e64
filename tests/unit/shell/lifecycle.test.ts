import { describe, expect, it } from 'vitest';
import { appNameFor } from '../../../electron/main/buildIdentity';
import {
  closeWithin,
  holdQuitUntilClosed,
  WindowKeeper,
  type KeptWindow,
} from '../../../electron/main/lifecycle';

/** A window that records what was done to it. */
function fakeWindow() {
  const calls: string[] = [];
  const state = { destroyed: false, minimized: false };
  const win: KeptWindow = {
    isDestroyed: () => state.destroyed,
    isMinimized: () => state.minimized,
    restore: () => void calls.push('restore'),
    show: () => void calls.push('show'),
    focus: () => void calls.push('focus'),
  };
  return { win, calls, state };
}

function keeperWithWindows() {
  const opened: ReturnType<typeof fakeWindow>[] = [];
  const keeper = new WindowKeeper(() => {
    const w = fakeWindow();
    opened.push(w);
    return w.win;
  });
  return { keeper, opened };
}

describe('the one window', () => {
  it('a second launch during start-up focuses the window once it exists (not before, not twice)', () => {
    const { keeper, opened } = keeperWithWindows();
    keeper.secondInstance();
    keeper.activate();
    expect(opened).toHaveLength(0);
    keeper.ready();
    expect(opened).toHaveLength(1);
    expect(opened[0]!.calls).toEqual(['show', 'focus']);
    expect(keeper.current()).toBe(opened[0]!.win);
    opened[0]!.state.destroyed = true;
    expect(keeper.current()).toBeNull();
  });

  it('a second launch later restores a minimized window, or reopens a closed one', () => {
    const { keeper, opened } = keeperWithWindows();
    keeper.ready();
    opened[0]!.state.minimized = true;
    keeper.secondInstance();
    expect(opened[0]!.calls).toEqual(['restore', 'show', 'focus']);
    opened[0]!.state.destroyed = true;
    keeper.secondInstance();
    expect(opened).toHaveLength(2);
  });

  it('activate reopens the window only when there is none', () => {
    const { keeper, opened } = keeperWithWindows();
    keeper.ready();
    keeper.activate();
    expect(opened).toHaveLength(1);
    opened[0]!.state.destroyed = true;
    keeper.activate();
    expect(opened).toHaveLength(2);
  });

  it('while closing, a second launch or activate opens no window onto closed services', () => {
    const { keeper, opened } = keeperWithWindows();
    keeper.ready();
    opened[0]!.state.destroyed = true;
    keeper.closing();
    keeper.secondInstance();
    keeper.activate();
    expect(opened).toHaveLength(1);
    expect(opened[0]!.calls).toEqual([]);
  });
});

/** Timers the test fires by hand: no waiting, no timing assertions. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    timers: {
      setTimeout: ((fn: () => void) => {
        const id = next++;
        pending.set(id, fn);
        return id;
      }) as unknown as typeof setTimeout,
      clearTimeout: ((id: number) => void pending.delete(id)) as unknown as typeof clearTimeout,
    },
    fireAll: () => [...pending.values()].forEach((fn) => fn()),
    pending,
  };
}

describe('quitting', () => {
  it('waits for the core when it closes in time', async () => {
    const t = manualTimers();
    expect(await closeWithin(async () => undefined, 4_000, t.timers)).toEqual({ outcome: 'closed' });
    expect(t.pending.size).toBe(0);
  });

  it('stops waiting at the limit when the core hangs (a WeChat request in flight)', async () => {
    const t = manualTimers();
    const result = closeWithin(() => new Promise<void>(() => undefined), 4_000, t.timers);
    t.fireAll();
    expect(await result).toEqual({ outcome: 'timed-out' });
  });

  it('reports a close that failed, and still ends', async () => {
    const t = manualTimers();
    const boom = new Error('disk gone');
    expect(await closeWithin(() => Promise.reject(boom), 4_000, t.timers)).toEqual({
      outcome: 'failed',
      error: boom,
    });
  });

  it('holds before-quit once, closes the core once, refuses windows meanwhile, then quits for real', async () => {
    const listeners: ((event: { preventDefault(): void }) => void)[] = [];
    const app = {
      quits: 0,
      on: (_event: 'before-quit', listener: (event: { preventDefault(): void }) => void) =>
        listeners.push(listener),
      quit() {
        this.quits++;
        let prevented = false;
        for (const l of listeners) l({ preventDefault: () => (prevented = true) });
        if (!prevented) app.quitted = true;
      },
      quitted: false,
    };
    const { keeper, opened } = keeperWithWindows();
    keeper.ready();
    let finish!: () => void;
    let closes = 0;
    const outcomes: string[] = [];
    holdQuitUntilClosed(
      app,
      keeper,
      () => {
        closes++;
        return new Promise<void>((resolve) => (finish = resolve));
      },
      (outcome) => outcomes.push(outcome),
      4_000,
    );
    app.quit();
    app.quit(); // The owner presses Cmd+Q again while it closes.
    expect(app.quitted).toBe(false);
    expect(closes).toBe(1);
    opened[0]!.state.destroyed = true;
    keeper.secondInstance();
    expect(opened).toHaveLength(1);
    finish();
    await new Promise((r) => setImmediate(r));
    expect(outcomes).toEqual(['closed']);
    expect(app.quitted).toBe(true);
  });
});

describe('development builds', () => {
  it('have their own name, so their own data folder and keychain entry', () => {
    expect(appNameFor('粉丝分组助手', true)).toBe('粉丝分组助手');
    expect(appNameFor('粉丝分组助手', false)).toBe('粉丝分组助手 Dev');
  });
});
