import type { FollowerQueryInput, FollowerSort } from '#contract/followers';

/** Everything that narrows or orders the followers list (the sidebar and the toolbar both set it). */
export interface FollowerFilters {
  text: string;
  groupIds: number[];
  groupMode: 'any' | 'all';
  /** In no group at all (the sidebar's 未分组). */
  ungrouped: boolean;
  /** true: only blacklisted; false: none blacklisted; null: both. */
  blacklisted: boolean | null;
  /** Inclusive subscribe-time range, unix seconds. */
  from: number | null;
  to: number | null;
  scenes: string[];
  /** The channel QR code (二维码参数) they followed through; '' does not filter. */
  qrScene: string;
  /** List only the followers who unfollowed (the cache keeps them). */
  unsubscribedOnly: boolean;
  sort: FollowerSort;
}

export const noFilters: FollowerFilters = {
  text: '',
  groupIds: [],
  groupMode: 'any',
  ungrouped: false,
  blacklisted: null,
  from: null,
  to: null,
  scenes: [],
  qrScene: '',
  unsubscribedOnly: false,
  sort: { by: 'subscribeTime', dir: 'desc' },
};

/** The query the core answers (without the window: offset and limit are added per page). */
export function toQuery(filters: FollowerFilters): Omit<FollowerQueryInput, 'offset' | 'limit'> {
  const query: Omit<FollowerQueryInput, 'offset' | 'limit'> = { sort: filters.sort };
  const text = filters.text.trim();
  if (text) query.text = text.slice(0, 100);
  if (filters.ungrouped) query.groups = { mode: 'none', ids: [] };
  else if (filters.groupIds.length > 0) query.groups = { mode: filters.groupMode, ids: filters.groupIds };
  if (filters.blacklisted !== null) query.blacklisted = filters.blacklisted;
  if (filters.from !== null) query.subscribedFrom = filters.from;
  if (filters.to !== null) query.subscribedTo = filters.to;
  if (filters.scenes.length > 0) query.scenes = filters.scenes;
  const qrScene = filters.qrScene.trim();
  if (qrScene) query.qrScene = qrScene.slice(0, 64);
  // The core lists current followers unless asked for those who left.
  if (filters.unsubscribedOnly) query.subscribed = false;
  return query;
}

/** Whether anything beyond the sort narrows the list. */
export function hasFilters(filters: FollowerFilters): boolean {
  return (
    filters.text.trim() !== '' ||
    filters.groupIds.length > 0 ||
    filters.ungrouped ||
    filters.blacklisted !== null ||
    filters.from !== null ||
    filters.to !== null ||
    filters.scenes.length > 0 ||
    filters.qrScene.trim() !== '' ||
    filters.unsubscribedOnly
  );
}

/** What the sidebar highlights for the current filters. */
export type SidebarView =
  | { kind: 'all' }
  | { kind: 'group'; id: number }
  | { kind: 'ungrouped' }
  | { kind: 'blacklist' }
  | { kind: 'custom' };

export function sidebarView(filters: FollowerFilters): SidebarView {
  const groupsOnly = !filters.ungrouped && filters.blacklisted === null;
  if (groupsOnly && filters.groupIds.length === 0) return { kind: 'all' };
  if (groupsOnly && filters.groupIds.length === 1)
    return { kind: 'group', id: filters.groupIds[0] as number };
  if (filters.ungrouped && filters.groupIds.length === 0 && filters.blacklisted === null)
    return { kind: 'ungrouped' };
  if (filters.blacklisted === true && filters.groupIds.length === 0 && !filters.ungrouped)
    return { kind: 'blacklist' };
  return { kind: 'custom' };
}

/** Picking a sidebar entry keeps the search text, dates, scenes and sort, and replaces the rest. */
export function withSidebarView(filters: FollowerFilters, view: SidebarView): FollowerFilters {
  const base = { ...filters, groupIds: [], groupMode: 'any' as const, ungrouped: false, blacklisted: null };
  switch (view.kind) {
    case 'group':
      return { ...base, groupIds: [view.id] };
    case 'ungrouped':
      return { ...base, ungrouped: true };
    case 'blacklist':
      return { ...base, blacklisted: true };
    default:
      return base;
  }
}
