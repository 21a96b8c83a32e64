import type { JobSelectionInput, JobSelectionQueryInput } from '#contract/jobs';

/**
 * Which followers are ticked: some by openid, or "all matching this query" minus the ones unticked
 * afterwards (so a selection can span far more rows than were ever loaded). The one shape a
 * selection has in the renderer, from the table's checkboxes to the bulk dialog.
 */
export type Selection =
  | { mode: 'ids'; ids: ReadonlySet<string> }
  | { mode: 'all'; query: JobSelectionQueryInput; except: ReadonlySet<string> };

export const emptySelection: Selection = { mode: 'ids', ids: new Set() };

/** Just these followers (one follower's row or drawer action). */
export function selectionOf(openids: readonly string[]): Selection {
  return { mode: 'ids', ids: new Set(openids) };
}

export function isSelected(selection: Selection, openid: string): boolean {
  return selection.mode === 'ids' ? selection.ids.has(openid) : !selection.except.has(openid);
}

export function selectedCount(selection: Selection, total: number): number {
  return selection.mode === 'ids' ? selection.ids.size : Math.max(0, total - selection.except.size);
}

/** Ticks or unticks some openids, whatever the mode. */
export function setSelected(selection: Selection, openids: readonly string[], on: boolean): Selection {
  if (selection.mode === 'ids') {
    const ids = new Set(selection.ids);
    for (const id of openids) {
      if (on) ids.add(id);
      else ids.delete(id);
    }
    return { mode: 'ids', ids };
  }
  const except = new Set(selection.except);
  for (const id of openids) {
    if (on) except.delete(id);
    else except.add(id);
  }
  return { mode: 'all', query: selection.query, except };
}

/** Every follower `query` matches (the query the list shows when the box is ticked). */
export function selectAllMatching(query: JobSelectionQueryInput): Selection {
  return { mode: 'all', query, except: new Set() };
}

/** "Everything matching" with nothing unticked. */
export function isAllMatching(selection: Selection): boolean {
  return selection.mode === 'all' && selection.except.size === 0;
}

/**
 * The one conversion to the contract's selection, made where `jobs:start` is called: ticked
 * openids, or the query minus the unticked ones (`except` left out when empty).
 */
export function toJobSelection(selection: Selection): JobSelectionInput {
  if (selection.mode === 'ids') return { openids: [...selection.ids] };
  return selection.except.size === 0
    ? { query: selection.query }
    : { query: selection.query, except: [...selection.except] };
}
