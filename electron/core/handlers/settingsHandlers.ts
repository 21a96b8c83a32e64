import type { SettingsService } from '../settingsService';
import type { HandlerSlice } from './handlerSlice';

export function settingsHandlers(settings: SettingsService): HandlerSlice<'settings'> {
  return {
    'settings:get': async () => settings.get(),
    'settings:set': async (patch) => settings.set(patch),
  };
}
