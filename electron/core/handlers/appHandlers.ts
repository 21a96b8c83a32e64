import type { CorePorts, UpdatePort } from '../ports';
import type { HandlerSlice } from './handlerSlice';

/** About the app itself: its identity, its log folder, its updates. */
export function appHandlers(ports: CorePorts, updates: UpdatePort): HandlerSlice<'app' | 'updates'> {
  return {
    'app:info': async () => ({
      name: ports.app.name,
      version: ports.app.version,
      dataDir: ports.dataDir,
      platform: process.platform,
      demoAvailable: true,
      logDir: ports.app.logDir ?? null,
      notices: [...(ports.app.notices ?? [])],
    }),
    'app:openLogFolder': async () => {
      const { logDir } = ports.app;
      return { opened: logDir !== undefined && ports.openFolder ? await ports.openFolder(logDir) : false };
    },
    'updates:status': async () => updates.state(),
    'updates:check': () => updates.check(),
    'updates:installOnQuit': async ({ enabled }) => updates.setInstallOnQuit(enabled),
    'updates:restart': () => updates.restart(),
  };
}
