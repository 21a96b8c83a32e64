import { errorsEn } from './errors.en';
import type { Messages } from './messages';

export const en: Messages = {
  app: {
    name: 'Follower Groups',
    tagline:
      "Manage your Official Account followers' tags, remarks and blacklist from your desktop — even offline.",
  },
  errors: errorsEn,
};
