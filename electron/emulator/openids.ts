// Openids are derived from (app key, follower index) instead of stored: 1 000 000 followers cost
// no string memory, and decoding an openid back to its index is a few integer operations.
//
// Layout (28 characters of [A-Za-z0-9_-], like real openids, which share a per-account prefix):
//   'o' + 5 prefix chars (per app) | 6 chars: a keyed 32-bit permutation of the index plus a
//   4-bit check | 16 chars of keyed hash over the permuted index.
// Only openids this codec produced decode; anything else is rejected without a table lookup.

import { hash3, mix32 } from './random';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const CODES = new Uint8Array(64);
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
  CODES[i] = ALPHABET.charCodeAt(i);
  VALUE[ALPHABET.charCodeAt(i)] = i;
}

export const OPENID_LENGTH = 28;
const PREFIX_LENGTH = 6;
const MAC_START = 12;

/** 28 characters of the openid alphabet: the shape WeChat accepts before looking it up. */
export function isWellFormedOpenid(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== OPENID_LENGTH) return false;
  for (let i = 0; i < OPENID_LENGTH; i++) {
    const c = value.charCodeAt(i);
    if (c > 127 || VALUE[c] < 0) return false;
  }
  return true;
}

export class OpenidCodec {
  readonly prefix: string;
  private readonly roundKeys: number[];
  private readonly prefixCodes: Uint8Array;
  private readonly scratch = new Array<number>(OPENID_LENGTH).fill(0);

  constructor(private readonly key: number) {
    let prefix = 'o';
    for (let i = 0; i < PREFIX_LENGTH - 1; i++) prefix += ALPHABET[hash3(key, 0x70726566, i) & 63];
    this.prefix = prefix;
    this.prefixCodes = Uint8Array.from(prefix, (c) => c.charCodeAt(0));
    this.roundKeys = [0, 1, 2, 3].map((r) => hash3(key, 0x66656973, r));
  }

  encode(index: number): string {
    const b = this.scratch;
    this.encodeInto(b, 0, index);
    return String.fromCharCode.apply(null, b);
  }

  /** Writes the 28 ASCII bytes of an openid at target[offset..]. */
  encodeInto(target: Uint8Array | number[], offset: number, index: number): void {
    const x = this.permute(index);
    const prefix = this.prefixCodes;
    for (let i = 0; i < PREFIX_LENGTH; i++) target[offset + i] = prefix[i];
    // 30 low bits in five chars, the top two bits with the 4-bit check in the sixth.
    for (let i = 0; i < 5; i++) target[offset + PREFIX_LENGTH + i] = CODES[(x >>> (6 * i)) & 63];
    target[offset + PREFIX_LENGTH + 5] = CODES[(x >>> 30) | ((hash3(x, this.key, 99) & 15) << 2)];
    for (let j = 0; j < 4; j++) {
      const h = hash3(x, this.key, 100 + j);
      for (let k = 0; k < 4; k++) target[offset + MAC_START + j * 4 + k] = CODES[(h >>> (6 * k)) & 63];
    }
  }

  /** The follower index, or -1 when the string is not an openid this codec issued. */
  decode(openid: string): number {
    if (openid.length !== OPENID_LENGTH || !openid.startsWith(this.prefix)) return -1;
    let x = 0;
    for (let i = 0; i < 5; i++) {
      const v = charValue(openid, PREFIX_LENGTH + i);
      if (v < 0) return -1;
      x |= v << (6 * i);
    }
    const last = charValue(openid, PREFIX_LENGTH + 5);
    if (last < 0) return -1;
    x = (x | ((last & 3) << 30)) >>> 0;
    if (last >>> 2 !== (hash3(x, this.key, 99) & 15)) return -1;
    for (let j = 0; j < 4; j++) {
      const h = hash3(x, this.key, 100 + j);
      for (let k = 0; k < 4; k++) {
        const pos = MAC_START + j * 4 + k;
        if (openid.charCodeAt(pos) !== CODES[(h >>> (6 * k)) & 63]) return -1;
      }
    }
    return this.unpermute(x);
  }

  // A 4-round Feistel network on 16-bit halves: a keyed bijection of 32-bit integers, so
  // consecutive followers get unrelated-looking openids.
  private permute(index: number): number {
    let l = (index >>> 16) & 0xffff;
    let r = index & 0xffff;
    for (const k of this.roundKeys) {
      const t = l ^ (mix32(r ^ k) & 0xffff);
      l = r;
      r = t;
    }
    return ((l << 16) | r) >>> 0;
  }

  private unpermute(x: number): number {
    let l = (x >>> 16) & 0xffff;
    let r = x & 0xffff;
    for (let i = this.roundKeys.length - 1; i >= 0; i--) {
      const t = r ^ (mix32(l ^ this.roundKeys[i]) & 0xffff);
      r = l;
      l = t;
    }
    return ((l << 16) | r) >>> 0;
  }
}

function charValue(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c > 127 ? -1 : VALUE[c];
}
