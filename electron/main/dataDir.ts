import { isAbsolute, resolve } from 'node:path';

/** Tests and power users point the app at another data folder (every e2e test gets a fresh one). */
export const dataDirEnv = 'FOLLOWER_GROUPS_DATA_DIR';

export function resolveDataDir(env: Record<string, string | undefined>, defaultDir: string): string {
  const override = env[dataDirEnv]?.trim();
  if (!override) return defaultDir;
  return isAbsolute(override) ? override : resolve(override);
}
