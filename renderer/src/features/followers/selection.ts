/**
 * Which followers are ticked: some by openid, or "all N matching the filters" minus the ones
 * unticked afterwards (so a selection can span far more rows than were ever loaded).
 */
export type Selection =
  { mode: 'ids'; ids: ReadonlySet<string> } | { mode: 'all'; except: ReadonlySet<string> };

export const emptySelection: Selection = { mode: 'ids', ids: new Set() };

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
  return { mode: 'all', except };
}

export function selectAllMatching(): Selection {
  return { mode: 'all', except: new Set() };
}

/** "Everything matching" with nothing unticked. */
export function isAllMatching(selection: Selection): boolean {
  return selection.mode === 'all' && selection.except.size === 0;
}
