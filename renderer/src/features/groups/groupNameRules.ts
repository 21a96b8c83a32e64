import type { GroupSummary } from '#contract/followers';

/** WeChat's limits: 30 characters per name, 100 custom tags per account. */
export const GROUP_NAME_MAX = 30;
export const TAG_LIMIT = 100;
/** A tag with more followers than this cannot be deleted directly (45057). */
export const TAG_DELETE_MAX_FANS = 100_000;

/** Characters as a person sees them: 一 is one, 😀 is one, and so is 👨‍👩‍👧 (one grapheme). */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function nameLength(name: string): number {
  let n = 0;
  for (const _ of graphemes.segment(name)) n++;
  return n;
}

export type NameProblem =
  | { kind: 'empty' }
  | { kind: 'tooLong'; count: number }
  | { kind: 'duplicate'; name: string }
  | { kind: 'same' };

/** The same checks the core makes, so the user sees them while typing. */
export function checkName(
  raw: string,
  groups: readonly Pick<GroupSummary, 'id' | 'name'>[],
  renaming?: Pick<GroupSummary, 'id' | 'name'>,
): NameProblem | null {
  const name = raw.trim();
  if (name === '') return { kind: 'empty' };
  const count = nameLength(name);
  if (count > GROUP_NAME_MAX) return { kind: 'tooLong', count };
  if (renaming && renaming.name === name) return { kind: 'same' };
  if (groups.some((g) => g.name === name && g.id !== renaming?.id)) return { kind: 'duplicate', name };
  return null;
}
