import { AppError } from '../appError';
import { NAME_MAX_CHARS, type GroupBackend, type WxGroupInfo } from './groupBackend';

/** Characters as a person sees them (the dialog's counter counts the same way): 一 is one, 😀 is one, and so is 👨‍👩‍👧 (one grapheme). */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function nameLength(name: string): number {
  let n = 0;
  for (const _ of graphemes.segment(name)) n++;
  return n;
}

/**
 * The rules WeChat enforces, checked before calling it so the user gets a specific message at
 * once. WeChat still has the last word: its errcodes for the same rules are mapped too.
 */
export function checkGroupName(
  backend: Pick<GroupBackend, 'api'>,
  rawName: string,
  existing: readonly WxGroupInfo[],
  exceptId?: number,
): string {
  const name = rawName.trim();
  if (name === '') throw new AppError('GROUP_NAME_EMPTY');
  if (nameLength(name) > NAME_MAX_CHARS) {
    throw new AppError(backend.api === 'tags' ? 'TAG_NAME_TOO_LONG' : 'GROUP_NAME_TOO_LONG', {
      max: NAME_MAX_CHARS,
      length: nameLength(name),
    });
  }
  if (existing.some((g) => g.name === name && g.id !== exceptId)) {
    throw new AppError('GROUP_NAME_DUPLICATE', { name });
  }
  return name;
}

export function checkNotReserved(backend: Pick<GroupBackend, 'api' | 'reservedIds'>, id: number): void {
  if (backend.reservedIds.has(id)) {
    throw new AppError(backend.api === 'tags' ? 'TAG_RESERVED' : 'GROUP_RESERVED', { id });
  }
}
