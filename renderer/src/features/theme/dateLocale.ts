import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Language } from '../../i18n/language';

/** The date picker's month and weekday names come from dayjs (antd's own dependency). */
export function setDateLocale(language: Language): void {
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
}
