// Name rules shared by tags and legacy groups.

import { charLength, utf8Length } from './body';

export const NAME_LIMIT = 30;

/** Names WeChat refuses outright: empty, blank, or with control characters. */
export function isIllegalName(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  return name.trim() === '' || /[\u0000-\u001f\u007f]/.test(name);
}

export function nameTooLong(name: string, rule: 'chars' | 'bytes'): boolean {
  return (rule === 'bytes' ? utf8Length(name) : charLength(name)) > NAME_LIMIT;
}
