// The byte-level JSON writer behind batchget must produce exactly what JSON.parse reads back.

import { describe, expect, it } from 'vitest';
import { JsonWriter, ascii } from '../../../electron/emulator/jsonWriter';

const roundTrip = (write: (w: JsonWriter) => void): unknown => {
  const w = new JsonWriter();
  write(w.reset());
  return JSON.parse(w.toBuffer().toString('utf8'));
};

describe('JsonWriter', () => {
  it('writes strings with escapes and UTF-8 (BMP, astral, control characters)', () => {
    for (const s of ['', 'plain', '胖子 😀', 'a"b\\c', 'tab\tnew\nline\u0001', 'é€𝄞', '老顾客-朝阳店 1301']) {
      expect(roundTrip((w) => w.string(s))).toBe(s);
    }
    expect(roundTrip((w) => w.string('x\ud800y'))).toBe('x\ufffdy');
  });

  it('writes integers, including ones past 2^32 and negatives', () => {
    for (const n of [0, 7, 10, 99, 100, 1681903376, 4294967295, 4294967296, -5, 2 ** 40]) {
      expect(roundTrip((w) => w.int(n))).toBe(n);
    }
  });

  it('grows past its initial buffer and reuses it after reset', () => {
    const long = '长'.repeat(50_000);
    expect(roundTrip((w) => w.raw(ascii('[')).string(long).byte(0x2c).string('x').raw(ascii(']')))).toEqual([
      long,
      'x',
    ]);
    const w = new JsonWriter();
    w.string('first');
    w.reset().int(1);
    expect(w.toBuffer().toString()).toBe('1');
  });
});
