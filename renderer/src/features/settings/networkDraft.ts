import type { NetworkSetting } from '#contract/accounts';

/** What the network form edits: the mode and both addresses (kept while switching modes). */
export interface NetworkDraft {
  mode: NetworkSetting['mode'];
  proxyUrl?: string;
  baseUrl?: string;
}

export function draftFromSetting(setting: NetworkSetting): NetworkDraft {
  return {
    mode: setting.mode,
    proxyUrl: setting.mode === 'proxy' ? setting.proxyUrl : '',
    baseUrl: setting.mode === 'custom-base' ? setting.baseUrl : '',
  };
}

export function settingFromDraft(draft: NetworkDraft): NetworkSetting {
  switch (draft.mode) {
    case 'proxy':
      return { mode: 'proxy', proxyUrl: (draft.proxyUrl ?? '').trim() };
    case 'custom-base':
      return { mode: 'custom-base', baseUrl: (draft.baseUrl ?? '').trim() };
    default:
      return { mode: draft.mode };
  }
}

/** An http(s) address the core will accept (it checks again). */
export function isHttpUrl(value: string | undefined): boolean {
  if (!value) return false;
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
