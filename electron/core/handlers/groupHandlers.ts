import type { GroupService } from '../groups/groupService';
import type { HandlerSlice } from './handlerSlice';

export function groupHandlers(groups: GroupService): HandlerSlice<'groups'> {
  return {
    'groups:list': ({ accountId }) => groups.list(accountId),
    'groups:create': ({ accountId, name }) => groups.create(accountId, name),
    'groups:rename': ({ accountId, id, name }) => groups.rename(accountId, id, name),
    'groups:delete': ({ accountId, id }) => groups.delete(accountId, id),
  };
}
