/** The parts of the app window the keeper uses (plain objects in tests). */
export interface KeptWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/**
 * Owns "the one window" across the app's life. Its handlers are registered before the services
 * are built, so a second launch during start-up is not lost: it is remembered and the window is
 * focused once it exists. While the app is closing nothing opens a window onto closed services.
 */
export class WindowKeeper<W extends KeptWindow = KeptWindow> {
  private win: W | null = null;
  private phase: 'starting' | 'running' | 'closing' = 'starting';
  private focusWanted = false;

  constructor(private readonly open: () => W) {}

  /** The window, if it is open (for dialogs that belong to it). */
  current(): W | null {
    return this.win && !this.win.isDestroyed() ? this.win : null;
  }

  /** The services are up: open the window (and bring it forward if a second launch asked). */
  ready(): void {
    if (this.phase !== 'starting') return;
    this.phase = 'running';
    this.win = this.open();
    if (this.focusWanted) this.bringForward();
  }

  /** 'second-instance': the owner launched the app again. */
  secondInstance(): void {
    if (this.phase === 'closing') return;
    if (this.phase === 'starting') {
      this.focusWanted = true;
      return;
    }
    this.bringForward();
  }

  /** 'activate' (macOS: the dock icon was clicked): reopen the window if it was closed. */
  activate(): void {
    if (this.phase !== 'running') return;
    if (!this.win || this.win.isDestroyed()) this.win = this.open();
  }

  /** Quitting has begun: from now on no window is opened or focused. */
  closing(): void {
    this.phase = 'closing';
  }

  get isClosing(): boolean {
    return this.phase === 'closing';
  }

  private bringForward(): void {
    if (!this.win || this.win.isDestroyed()) this.win = this.open();
    if (this.win.isMinimized()) this.win.restore();
    this.win.show();
    this.win.focus();
  }
}

export type CloseOutcome = 'closed' | 'failed' | 'timed-out';

/**
 * Waits for `close` at most `limitMs`. Past the limit the caller exits anyway: requests still in
 * flight die with the process, and their jobs resume at the next start (as after a crash; the
 * cache's WAL keeps every committed write).
 */
export async function closeWithin(
  close: () => Promise<void>,
  limitMs: number,
  timers: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout } = globalThis,
): Promise<{ outcome: CloseOutcome; error?: unknown }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<{ outcome: CloseOutcome }>((resolve) => {
    timer = timers.setTimeout(() => resolve({ outcome: 'timed-out' }), limitMs);
  });
  const closing = close().then(
    () => ({ outcome: 'closed' as const }),
    (error: unknown) => ({ outcome: 'failed' as const, error }),
  );
  try {
    return await Promise.race([closing, limit]);
  } finally {
    timers.clearTimeout(timer);
  }
}

/** The longest quitting waits for the core (WeChat requests in flight, the sync's last write). */
export const quitLimitMs = 4_000;

/** The parts of `app` the quit guard uses. */
export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/**
 * 'before-quit' holds the quit until the core has closed — at most quitLimitMs — then quits for
 * real. The keeper is told first, so a launch during the wait does not open a window.
 */
export function holdQuitUntilClosed(
  app: QuittingApp,
  keeper: WindowKeeper,
  close: () => Promise<void>,
  report: (outcome: CloseOutcome, error?: unknown) => void,
  limitMs: number = quitLimitMs,
): void {
  let phase: 'open' | 'closing' | 'closed' = 'open';
  app.on('before-quit', (event) => {
    if (phase === 'closed') return;
    event.preventDefault();
    if (phase === 'closing') return;
    phase = 'closing';
    keeper.closing();
    void closeWithin(close, limitMs).then(({ outcome, error }) => {
      report(outcome, error);
      phase = 'closed';
      // Electron ends the process once the windows are closed, whatever is still in flight.
      app.quit();
    });
  });
}
