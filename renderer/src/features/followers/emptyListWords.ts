import type { TFunction } from 'i18next';
import { RESERVED_GROUP_IDS } from '#contract/reservedGroups';
import { hasFilters, sidebarView, withSidebarView, type FollowerFilters } from './followerFilters';

/** What an empty list says, and what its button does. */
export interface EmptyListWords {
  title: string;
  body: string;
  /** 'all': back to all followers (keeps nothing); 'clear': drop the filters the owner set. */
  action: 'all' | 'clear';
}

/**
 * An empty tag or blacklist picked in the sidebar is not a search that "matched nothing": it says
 * what that list is and how followers get into it. Anything else typed or picked is a filter to clear.
 */
export function emptyListWords(
  filters: FollowerFilters,
  groupName: (id: number) => string,
  term: string,
  t: TFunction,
): EmptyListWords {
  const view = sidebarView(filters);
  const onlySidebar = !hasFilters(withSidebarView(filters, { kind: 'all' }));
  // Reserved groups (星标组) are not filled through 批量操作: they keep the plain words.
  if (onlySidebar && view.kind === 'group' && !RESERVED_GROUP_IDS.includes(view.id))
    return {
      title: t('followers.empty.groupTitle', { name: groupName(view.id) }),
      body: t('followers.empty.groupBody', { term }),
      action: 'all',
    };
  if (onlySidebar && view.kind === 'blacklist')
    return {
      title: t('followers.empty.blacklistTitle'),
      body: t('followers.empty.blacklistBody'),
      action: 'all',
    };
  return {
    title: t('followers.empty.noMatchTitle'),
    body: t('followers.empty.noMatchBody'),
    action: 'clear',
  };
}
