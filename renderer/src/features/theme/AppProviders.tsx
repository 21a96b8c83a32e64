import 'antd/dist/antd.css';
import { useQuery } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme as antTheme } from 'antd';
import en_US from 'antd/locale/en_US';
import zh_CN from 'antd/locale/zh_CN';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveLanguage, type Language } from '../../i18n/language';
import { settingsQuery } from '../settings/settingsQuery';
import { useDarkMode, useReducedMotion } from './mediaQueries';
import { setDateLocale } from './dateLocale';

const cjkFonts = "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC'";
const latinFonts =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans'";

/**
 * System fonts. Chinese UI: the Chinese fonts first (full-width punctuation is right there).
 * English UI: Latin fonts first, so quotes and dashes are not drawn full-width by a CJK font;
 * Chinese names in the data still fall back to the Chinese fonts.
 */
function fontFamily(language: Language): string {
  return language === 'zh-CN'
    ? `-apple-system, BlinkMacSystemFont, 'Segoe UI', ${cjkFonts}, 'Helvetica Neue', Arial, sans-serif`
    : `${latinFonts}, ${cjkFonts}, sans-serif`;
}

/**
 * antd in the user's language and theme. The language follows the setting ('system' picks
 * Chinese for a Chinese system, English otherwise); the theme follows light/dark/system.
 */
export function AppProviders({ children }: { children: ReactNode }) {
  // Until the core has answered (or without a host), both follow the system. (Not useSettings():
  // its defaults come from the contract, whose zod schemas would then load with the first screen.)
  const settings = useQuery(settingsQuery).data;
  const { i18n, t } = useTranslation();
  const language = resolveLanguage(settings?.language ?? 'system');
  const dark = useDarkMode(settings?.theme ?? 'system');
  const reducedMotion = useReducedMotion();

  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
    setDateLocale(language);
  }, [i18n, language]);

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  useEffect(() => {
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, [dark]);

  return (
    <ConfigProvider
      locale={language === 'zh-CN' ? zh_CN : en_US}
      // "保存", not "保 存": the inserted space also ends up in what screen readers say.
      button={{ autoInsertSpace: false }}
      theme={{
        zeroRuntime: true,
        algorithm: dark ? antTheme.darkAlgorithm : antTheme.defaultAlgorithm,
        token: {
          colorPrimary: '#07a35a',
          fontFamily: fontFamily(language),
          borderRadius: 6,
          motion: !reducedMotion,
        },
      }}
    >
      {/* Toasts sit below the header and drawer titles (56 px), not on top of them. */}
      <AntApp message={{ top: 64 }}>{children}</AntApp>
    </ConfigProvider>
  );
}
