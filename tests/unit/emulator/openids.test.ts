// The openid codec behind derived openids: a bijection per account, nothing else decodes.

import { describe, expect, it } from 'vitest';
import { OpenidCodec, isWellFormedOpenid } from '../../../electron/emulator/openids';

describe('OpenidCodec', () => {
  const codec = new OpenidCodec(12345);
  const other = new OpenidCodec(54321);

  it('round-trips indexes across the 32-bit range', () => {
    for (const i of [0, 1, 2, 31, 32, 65535, 65536, 999_999, 1_000_000, 2 ** 31, 2 ** 32 - 1]) {
      const o = codec.encode(i);
      expect(o).toHaveLength(28);
      expect(isWellFormedOpenid(o)).toBe(true);
      expect(codec.decode(o)).toBe(i);
    }
  });

  it('rejects one-character changes and other accounts’ openids', () => {
    const o = codec.encode(4242);
    for (let pos = 0; pos < 28; pos++) {
      const c = o[pos] === 'A' ? 'B' : 'A';
      expect(codec.decode(o.slice(0, pos) + c + o.slice(pos + 1))).toBe(-1);
    }
    expect(codec.decode(other.encode(4242))).toBe(-1);
    expect(codec.decode('')).toBe(-1);
    expect(codec.decode(o + 'x')).toBe(-1);
  });

  it('checks the openid shape', () => {
    expect(isWellFormedOpenid('o'.repeat(28))).toBe(true);
    expect(isWellFormedOpenid('o'.repeat(27))).toBe(false);
    expect(isWellFormedOpenid('o'.repeat(27) + '!')).toBe(false);
    expect(isWellFormedOpenid('o'.repeat(27) + '中')).toBe(false);
    expect(isWellFormedOpenid(28)).toBe(false);
  });
});
