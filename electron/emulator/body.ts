// Request bodies as WeChat reads them: raw UTF-8 JSON objects. Field readers answer 47001 for a
// field of the wrong type, so handlers can keep their specific errcodes for missing values.

import { isUtf8 } from 'node:buffer';
import { WxError } from './errors';

// A \uXXXX escape of a non-ASCII code point, not preceded by an escaped backslash.
const NON_ASCII_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\u(?!00[0-7][0-9a-fA-F])[0-9a-fA-F]{4}/;

export type JsonObject = Record<string, unknown>;

/** 44002 empty, 40033 bad charset (when strict), 47001 not a JSON object. */
export function parseBody(raw: Buffer, strictCharset: boolean): JsonObject {
  if (raw.length === 0) throw new WxError(44002);
  if (strictCharset && !isUtf8(raw)) throw new WxError(40033);
  const text = raw.toString('utf8');
  if (text.trim() === '') throw new WxError(44002);
  if (strictCharset && text.includes('\\u') && NON_ASCII_ESCAPE.test(text)) throw new WxError(40033);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new WxError(47001);
  }
  if (!isObject(value)) throw new WxError(47001);
  return value;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function optionalString(obj: JsonObject, key: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new WxError(47001);
  return v;
}

/** Integers may arrive as numbers or numeric strings (some SDKs send "134"). */
export function optionalInt(obj: JsonObject, key: string): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d{1,10}$/.test(v)) return Number(v);
  throw new WxError(47001);
}

export function optionalObject(obj: JsonObject, key: string): JsonObject | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw new WxError(47001);
  return v;
}

/** A list field: missing → the given errcode; not an array → 47001. */
export function requiredArray(obj: JsonObject, key: string, missing: number): unknown[] {
  const v = obj[key];
  if (v === undefined || v === null) throw new WxError(missing);
  if (!Array.isArray(v)) throw new WxError(47001);
  return v;
}

export function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Characters as people count them (code points, so an emoji is one). */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
