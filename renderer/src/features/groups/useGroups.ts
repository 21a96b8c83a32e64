import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { GroupApi } from '#contract/accounts';
import type { GroupSummary } from '#contract/followers';
import { unwrap, wxg } from '../../api';
import { queryKeys } from '../../query/keys';
import { groupsQuery } from './groupsQuery';
import { RESERVED_GROUP } from '#contract/reservedGroups';

/** The account's groups with counts, answered from the cache (the core refreshes it from WeChat). */
export function useGroups(accountId: string) {
  return useQuery(groupsQuery(accountId));
}

export function useGroupMutations(accountId: string) {
  const client = useQueryClient();
  const refresh = () => {
    return client.invalidateQueries({ queryKey: queryKeys.account(accountId) });
  };
  return {
    create: useMutation({
      mutationFn: (name: string) => wxg.groupsCreate({ accountId, name }).then(unwrap),
      onSuccess: refresh,
    }),
    rename: useMutation({
      mutationFn: ({ id, name }: { id: number; name: string }) =>
        wxg.groupsRename({ accountId, id, name }).then(unwrap),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: number) => wxg.groupsDelete({ accountId, id }).then(unwrap),
      onSuccess: refresh,
    }),
  };
}

/** A group's name in the user's language: the reserved ones by id, the rest as named. */
export function groupLabel(group: Pick<GroupSummary, 'id' | 'name' | 'system'>, t: TFunction): string {
  if (!group.system) return group.name;
  if (group.id === RESERVED_GROUP.starred) return t('groups.starred');
  if (group.id === RESERVED_GROUP.blacklist) return t('groups.blacklist');
  if (group.id === RESERVED_GROUP.ungrouped) return t('groups.ungrouped');
  return group.name;
}

/** Which word the UI uses for the account's groups: 标签 (tags) or 分组 (the 2014 API). */
export function termKey(api: GroupApi): 'terms.tag' | 'terms.group' {
  return api === 'tags' ? 'terms.tag' : 'terms.group';
}
