import { describe, expect, it } from 'vitest';
import { checkGroupName, nameLength as coreLength } from '../../../electron/core/groups/nameRules';
import { checkName, nameLength as shownLength } from '../../../renderer/src/features/groups/groupNameRules';

const family = '👨‍👩‍👧';

describe('a tag name is counted as the owner sees it', () => {
  it('counts an emoji made of several code points as one, in the dialog and in the core alike', () => {
    for (const length of [coreLength, shownLength]) {
      expect(length('会员')).toBe(2);
      expect(length('😀')).toBe(1);
      expect(length(family)).toBe(1);
      expect(length(`周末${family}`)).toBe(3);
    }
  });

  it('what the counter accepts the core accepts, and what it refuses the core refuses', () => {
    const thirty = family.repeat(30);
    expect(checkName(thirty, [])).toBeNull();
    expect(checkGroupName({ api: 'tags' }, thirty, [])).toBe(thirty);
    const longer = family.repeat(31);
    expect(checkName(longer, [])).toEqual({ kind: 'tooLong', count: 31 });
    expect(() => checkGroupName({ api: 'tags' }, longer, [])).toThrow(/TAG_NAME_TOO_LONG/);
  });
});
