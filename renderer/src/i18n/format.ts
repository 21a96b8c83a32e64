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

interface IntlFormats {
  number: Intl.NumberFormat;
  dateTime: Intl.DateTimeFormat;
  date: Intl.DateTimeFormat;
  relative: Intl.RelativeTimeFormat;
}

const byLocale = new Map<string, IntlFormats>();

/**
 * Intl's formatters for a locale, made once: building them is slow, and every row and sidebar
 * entry of the first screen asks for them.
 */
function intlFormats(locale: string): IntlFormats {
  let formats = byLocale.get(locale);
  if (!formats) {
    formats = {
      number: new Intl.NumberFormat(locale),
      dateTime: new Intl.DateTimeFormat(locale, {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      }),
      date: new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }),
      relative: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
    };
    byLocale.set(locale, formats);
  }
  return formats;
}

/** Numbers and dates in the app's current language (Intl does the work). */
export function useFormatters(): Formatters {
  const { i18n, t } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const intl = intlFormats(locale);
    return {
      number: (value) => intl.number.format(value),
      dateTime: (ms) => intl.dateTime.format(ms),
      dateFromSeconds: (seconds) => intl.date.format(seconds * 1000),
      dateTimeFromSeconds: (seconds) => intl.dateTime.format(seconds * 1000),
      relative: (ms, now = Date.now()) => {
        const seconds = Math.round((ms - now) / 1000);
        const abs = Math.abs(seconds);
        if (abs < 45) return t('format.justNow');
        if (abs < 3600) return intl.relative.format(Math.round(seconds / 60), 'minute');
        if (abs < 86_400) return intl.relative.format(Math.round(seconds / 3600), 'hour');
        if (abs < 7 * 86_400) return intl.relative.format(Math.round(seconds / 86_400), 'day');
        return intl.dateTime.format(ms);
      },
    };
  }, [locale, t]);
}
