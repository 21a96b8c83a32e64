import { events, isEventName, type AppEvent, type EventName, type EventPayload } from '#contract/events';

export type EventListener = (event: AppEvent) => void;

/** How services announce things; each host subscribes once and forwards to its window/sockets. */
export interface EventHub {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      // A bad payload is a bug in the core: fail at the emitter, where the stack points at it.
      if (!isEventName(name)) throw new TypeError(`Unknown event: ${String(name)}`);
      const parsed = events[name].parse(payload);
      const event = { name, payload: parsed } as AppEvent;
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch {
          // One broken listener (e.g. a closed window) must not stop the others or the emitter.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
