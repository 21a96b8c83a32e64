import { errorsZhCN } from './errors.zh-CN';

// Simplified Chinese, in the WeChat console's own words (标签, 黑名单, 星标组, 备注).
export const zhCN = {
  app: {
    name: '粉丝分组助手',
    tagline: '在电脑上管理公众号粉丝的标签、备注和黑名单，断网也能查看。',
  },
  errors: errorsZhCN,
} as const;
