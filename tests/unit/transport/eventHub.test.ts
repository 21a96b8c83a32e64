import { describe, expect, it } from 'vitest';
import type { AppEvent } from '#contract';
import { createEventHub } from '../../../electron/core/transport';

describe('event hub', () => {
  it('delivers validated events to subscribers until they unsubscribe', () => {
    const hub = createEventHub();
    const seen: AppEvent[] = [];
    const off = hub.subscribe((e) => seen.push(e));
    hub.emit('net:status', { accountId: 'a', online: false, reason: 'NETWORK', since: 5 });
    off();
    hub.emit('accounts:changed', {});
    expect(seen).toEqual([
      { name: 'net:status', payload: { accountId: 'a', online: false, reason: 'NETWORK', since: 5 } },
    ]);
  });

  it('throws at the emitter on a bad payload or an unknown event', () => {
    const hub = createEventHub();
    expect(() => hub.emit('net:status', { accountId: 'a' } as never)).toThrow();
    expect(() => hub.emit('nope' as never, {} as never)).toThrow(/Unknown event/);
  });

  it('keeps delivering when one listener throws', () => {
    const hub = createEventHub();
    let reached = 0;
    hub.subscribe(() => {
      throw new Error('window closed');
    });
    hub.subscribe(() => reached++);
    hub.emit('accounts:changed', {});
    expect(reached).toBe(1);
  });
});
