import { describe, expect, it } from 'vitest';
import { jobSelectionSchema } from '../../../electron/contract/jobs';
import {
  emptySelection,
  selectAllMatching,
  selectedCount,
  selectionOf,
  setSelected,
  toJobSelection,
} from '../../../renderer/src/features/followers/selection';

const query = { text: '张', sort: { by: 'remark', dir: 'asc' } } as const;

describe('the one conversion from the table selection to jobs:start', () => {
  it('sends ticked openids as openids, in the order they were ticked', () => {
    const ticked = setSelected(setSelected(emptySelection, ['o2', 'o1'], true), ['o3'], true);
    expect(toJobSelection(setSelected(ticked, ['o2'], false))).toEqual({ openids: ['o1', 'o3'] });
    expect(toJobSelection(selectionOf(['o9']))).toEqual({ openids: ['o9'] });
  });

  it('sends "all matching" as the query, with no except until someone is unticked', () => {
    const all = selectAllMatching(query);
    expect(toJobSelection(all)).toEqual({ query });
    const some = setSelected(all, ['o1', 'o2'], false);
    expect(toJobSelection(some)).toEqual({ query, except: ['o1', 'o2'] });
    expect(selectedCount(some, 10)).toBe(8);
    // Ticked again: back to the whole query, the same query it was made with.
    expect(toJobSelection(setSelected(some, ['o1', 'o2'], true))).toEqual({ query });
  });

  it('answers what the contract accepts', () => {
    for (const selection of [selectionOf(['o1']), setSelected(selectAllMatching(query), ['o1'], false)])
      expect(jobSelectionSchema.safeParse(toJobSelection(selection)).success).toBe(true);
  });
});
