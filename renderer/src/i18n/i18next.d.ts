import 'i18next';
import type { zhCN } from './zh-CN';

// t('…') only accepts keys that exist in the Chinese table (the source of truth).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
