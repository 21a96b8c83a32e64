/** WeChat wants a remark under 30 bytes of UTF-8: a Chinese character is 3, a letter or digit 1. */
export const REMARK_MAX_BYTES = 29;

const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}
