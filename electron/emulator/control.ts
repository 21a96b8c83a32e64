// The in-process control surface tests use: clock, call log, settings, faults, apps, state.

import type { EmulatorEngine } from './engine';
import { stateView } from './stateView';
import type { EmulatorControl } from './types';

export function createControl(emu: EmulatorEngine): EmulatorControl {
  return {
    now: () => emu.clock.now(),
    advance: (ms) => emu.clock.advance(ms),
    setTime: (ms) => emu.clock.set(ms),
    calls: (filter) => emu.calls.list(filter),
    clearCalls: () => emu.calls.clear(),
    configure: (patch, appid) => emu.configure(patch, appid),
    settings: (appid) => structuredClone(emu.settingsFor(appid ?? null)),
    addFault: (fault) => emu.faults.add(fault),
    removeFault: (id) => emu.faults.remove(id),
    clearFaults: () => emu.faults.clear(),
    addApp: (spec) => {
      emu.addApp(spec);
    },
    apps: () =>
      [...emu.apps.values()].map((a) => ({ appid: a.appid, secret: a.config.secret, kind: a.config.kind })),
    state: (appid) => {
      const app = emu.app(appid);
      return stateView(app, emu.clock, () => emu.settingsFor(app.appid).userGetOrder === 'stable');
    },
    reset: () => emu.reset(),
  };
}
