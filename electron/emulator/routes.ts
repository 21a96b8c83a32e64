// Every WeChat path the emulator answers.

import { blacklistRoutes } from './blacklist';
import { legacyGroupRoutes } from './legacyGroups';
import { quotaRoutes } from './quotaApi';
import type { Route } from './route';
import { tagRoutes } from './tags';
import { tokenRoutes } from './tokenApi';
import { userRoutes } from './users';

export const ROUTES: ReadonlyMap<string, Route> = new Map<string, Route>(
  Object.entries({
    ...tokenRoutes,
    ...tagRoutes,
    ...legacyGroupRoutes,
    ...userRoutes,
    ...blacklistRoutes,
    ...quotaRoutes,
  }),
);

/** Paths whose calls are not counted against a daily quota (clear_quota has its monthly budget). */
export const UNCOUNTED_PATHS = new Set(['/cgi-bin/clear_quota', '/cgi-bin/clear_quota/v2']);
