import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formatters {
  /** 23,000 */
  number(value: number): string;
  /** A date and time from milliseconds: 2026/01/05 14:02 */
  dateTime(ms: number): string;
  /** A date from WeChat's unix seconds: 2026/01/05 */
  dateFromSeconds(seconds: number): string;
  /** A date and time from unix seconds. */
  dateTimeFromSeconds(seconds: number): string;
  /** "3 分钟前" / "3 minutes ago", falling back to the date after a week. */
  relative(ms: number, now?: number): string;
}

/** Numbers and dates in the app's current language (Intl does the work). */
export function useFormatters(): Formatters {
  const { i18n, t } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const numberFormat = new Intl.NumberFormat(locale);
    const dateTimeFormat = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    const dateFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' });
    const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    return {
      number: (value) => numberFormat.format(value),
      dateTime: (ms) => dateTimeFormat.format(ms),
      dateFromSeconds: (seconds) => dateFormat.format(seconds * 1000),
      dateTimeFromSeconds: (seconds) => dateTimeFormat.format(seconds * 1000),
      relative: (ms, now = Date.now()) => {
        const seconds = Math.round((ms - now) / 1000);
        const abs = Math.abs(seconds);
        if (abs < 45) return t('format.justNow');
        if (abs < 3600) return relativeFormat.format(Math.round(seconds / 60), 'minute');
        if (abs < 86_400) return relativeFormat.format(Math.round(seconds / 3600), 'hour');
        if (abs < 7 * 86_400) return relativeFormat.format(Math.round(seconds / 86_400), 'day');
        return dateTimeFormat.format(ms);
      },
    };
  }, [locale, t]);
}
