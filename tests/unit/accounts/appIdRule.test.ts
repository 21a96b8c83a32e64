import { describe, expect, it } from 'vitest';
import { checkAppId, normalizeAppId } from '../../../electron/core/accounts/credentials';
import { errorsEn } from '../../../renderer/src/i18n/errors.en';
import { errorsZhCN } from '../../../renderer/src/i18n/errors.zh-CN';

/** Whether the wizard would send this pasted AppID on, as the core checks it. */
function accepted(pasted: string): boolean {
  try {
    checkAppId(normalizeAppId(pasted));
    return true;
  } catch {
    return false;
  }
}

// #15 item 8: the words the owner reads are the rule the core applies, nothing stricter or looser.
describe('the AppID rule the owner reads is the rule the check applies', () => {
  it('says "wx", then 16 digits or letters a–f, 18 in all, in both languages', () => {
    expect(errorsZhCN.APPID_FORMAT).toContain('应以 wx 开头，后面是 16 位数字或字母 a–f（共 18 位）');
    expect(errorsEn.APPID_FORMAT).toContain(
      'it starts with "wx" followed by 16 digits or letters a–f (18 characters in all)',
    );
  });

  it('accepts exactly what the text describes', () => {
    expect(accepted('wx0123456789abcdef')).toBe(true);
    // Pasted with spaces or in capitals: the same AppID, as the console shows it lower-case.
    expect(accepted(' WX0123456789ABCDEF\n')).toBe(true);
  });

  it('refuses what the text rules out', () => {
    expect(accepted('wx0123456789abcde')).toBe(false); // 15 after wx
    expect(accepted('wx0123456789abcdef0')).toBe(false); // 17 after wx
    expect(accepted('wx0123456789abcdeg')).toBe(false); // g is not a–f
    expect(accepted('gh0123456789abcdef')).toBe(false); // does not start with wx
    expect(accepted('0123456789abcdef01')).toBe(false); // 18 characters, no wx
  });
});
