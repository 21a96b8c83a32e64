import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../renderer/src/features/export/csv';
import { localStamp } from '../../../renderer/src/features/export/fileStamp';

describe('CSV for Excel', () => {
  it('starts with a BOM, ends lines with CRLF and quotes what needs quoting', () => {
    const csv = toCsv(
      ['备注', '标签'],
      [
        ['张阿姨, 3号楼', '会员、老顾客'],
        ['说"你好"', '两行\n文字'],
        ['plain', ''],
      ],
    );
    expect(csv).toBe(
      '\uFEFF备注,标签\r\n"张阿姨, 3号楼",会员、老顾客\r\n"说""你好""","两行\n文字"\r\nplain,\r\n',
    );
  });

  it('keeps remarks that look like formulas as text', () => {
    const csv = toCsv(['备注'], [['=HYPERLINK("x")'], ['+86 138'], ['-5'], ['@me'], ['ok=1']]);
    expect(csv.split('\r\n').slice(1, -1)).toEqual([
      `"'=HYPERLINK(""x"")"`,
      "'+86 138",
      "'-5",
      "'@me",
      'ok=1',
    ]);
  });
});

describe('the export file', () => {
  it("is named after the owner's own clock, not UTC", () => {
    const tz = process.env['TZ'];
    process.env['TZ'] = 'Asia/Shanghai';
    try {
      // 2026-12-02 01:30 UTC is 09:30 in Beijing: the file says 0930.
      expect(localStamp(new Date(Date.UTC(2026, 11, 2, 1, 30)))).toBe('20261202-0930');
    } finally {
      if (tz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = tz;
    }
  });
});
