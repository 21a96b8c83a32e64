import { z } from 'zod';
import { channels, type ChannelName } from '#contract';
import { samples } from './samples';

/** Small seeded PRNG (mulberry32) so a failing fuzz case can be replayed from its seed. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}
type Rng = ReturnType<typeof random>;

const nastyKeys = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'then',
  '',
  ' ',
  'appSecret ',
  'id\u0000',
];

function randomString(rng: Rng): string {
  const kind = rng.int(5);
  if (kind === 0) return '';
  if (kind === 1) return 'x'.repeat(65 + rng.int(5000)); // longer than any bounded field
  if (kind === 2) return rng.pick(nastyKeys);
  if (kind === 3)
    return String.fromCharCode(...Array.from({ length: 1 + rng.int(20) }, () => rng.int(0xffff)));
  return rng.pick([
    'wx0123456789abcdef',
    'http://127.0.0.1',
    'javascript:alert(1)',
    'file:///etc/passwd',
    '{}',
  ]);
}

/** Any JSON-ish value, nested a little. */
export function randomValue(rng: Rng, depth = 0): unknown {
  const kind = rng.int(depth > 2 ? 8 : 11);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return rng.pick([true, false]);
    case 3:
      return rng.pick([0, -1, 1.5, 9, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Infinity, -Infinity]);
    case 4:
    case 5:
      return randomString(rng);
    case 6:
      return BigInt(rng.int(100));
    case 7:
      return rng.pick([new Date(0), /re/, new Map(), Symbol('s')]);
    case 8:
      return Array.from({ length: rng.int(4) }, () => randomValue(rng, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = rng.int(4); i > 0; i--)
        setOwn(out, rng.pick([...nastyKeys, randomString(rng)]), randomValue(rng, depth + 1));
      return out;
    }
  }
}

/**
 * A payload the channel's input schema must reject. Strategies: not an object at all; a valid
 * sample with an unknown key; a valid sample with one field replaced by a value of the wrong
 * kind; a valid sample with a required field removed. Returns the strategy for the report.
 */
export function malformedPayload(channel: ChannelName, rng: Rng): { strategy: string; payload: unknown } {
  const schema = channels[channel].input;
  const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {};
  const fields = Object.keys(shape);
  const inputs: readonly unknown[] = samples[channel].inputs;
  const base = { ...(rng.pick(inputs) as Record<string, unknown>) };
  const strategy = rng.int(fields.length ? 4 : 2);

  if (strategy === 0) {
    let value = randomValue(rng);
    while (isPlainObject(value)) value = randomValue(rng);
    return { strategy: 'not-an-object', payload: value };
  }
  if (strategy === 1) {
    let key = randomString(rng);
    while (Object.hasOwn(shape, key)) key = randomString(rng);
    setOwn(base, key, randomValue(rng));
    return { strategy: 'unknown-key', payload: base };
  }
  if (strategy === 2) {
    const field = rng.pick(fields);
    const fieldSchema = shape[field] as z.ZodType;
    let value = randomValue(rng);
    // Only values the field rejects count (undefined is a valid "absent" for optional fields).
    while (fieldSchema.safeParse(value).success) value = randomValue(rng);
    base[field] = value;
    return { strategy: 'wrong-field', payload: base };
  }
  const required = fields.filter((f) => !(shape[f] as z.ZodType).safeParse(undefined).success);
  if (required.length === 0) return malformedPayload(channel, rng);
  delete base[rng.pick(required)];
  return { strategy: 'missing-field', payload: base };
}

/** defineProperty so '__proto__' becomes a real own key, as JSON.parse makes it. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

function isPlainObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
