import { wxg } from '../../api';
import { netStatusStore } from './netStatusStore';

const asked = new Set<string>();

/**
 * Asks the core once per account for the reachability it already knows; `net:status` events
 * (listened to from the start) tell every change after that.
 */
export function loadNetStatus(accountId: string): void {
  if (asked.has(accountId) || netStatusStore.get(accountId)) return;
  asked.add(accountId);
  void wxg.netGet({ accountId }).then((r) => {
    // Not answered (the browser host's socket dropped): the next screen that needs it asks again.
    if (!r.ok) asked.delete(accountId);
    else if (r.data.since !== null && !netStatusStore.get(accountId)) {
      netStatusStore.report({ ...r.data, since: r.data.since });
    }
  });
}
