import type { UpdateState } from '#contract/updates';
import type { UpdatePort } from './ports';

/** A host without self-update (development, the browser host, a build without a feed) says why. */
export function updatesOff(reason: Extract<UpdateState, { status: 'off' }>['reason']): UpdatePort {
  const state: UpdateState = { status: 'off', reason };
  return {
    state: () => state,
    check: async () => state,
    setInstallOnQuit: () => state,
    restart: async () => state,
    subscribe: () => () => undefined,
  };
}
