import { z } from 'zod';

/**
 * Where the app's self-update stands. Owned by the main process (electron-updater behind it); the
 * browser host and development builds report `off` with the reason, which About explains.
 */
export const updateStateSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('off'),
    /** dev: not an installed build (development, the browser host); unsignedMac: macOS only installs signed updates; noFeed: built without an update address. */
    reason: z.enum(['dev', 'unsignedMac', 'noFeed']),
  }),
  z.object({ status: z.literal('idle') }),
  z.object({ status: z.literal('checking') }),
  z.object({
    status: z.literal('upToDate'),
    /** The version the update server offers: this one, or (a server not yet updated) an older one. */
    latest: z.string(),
    /** The server offers an older version than this one (nothing is installed). */
    serverOlder: z.boolean(),
    checkedAt: z.number(),
  }),
  z.object({
    status: z.literal('downloading'),
    version: z.string(),
    /** Whole percents, 0–100. */
    percent: z.number(),
    transferred: z.number(),
    total: z.number(),
  }),
  z.object({
    status: z.literal('ready'),
    version: z.string(),
    /** The owner agreed to install it when the app quits. */
    installOnQuit: z.boolean(),
  }),
  z.object({
    status: z.literal('error'),
    /** unreachable: no answer; notFound: no update description there (404); badFeed: the answer is not a valid update description (garbage, or far too big); download: the installer failed to download or verify. */
    reason: z.enum(['unreachable', 'notFound', 'badFeed', 'download', 'unknown']),
    at: z.number(),
  }),
]);
export type UpdateState = z.infer<typeof updateStateSchema>;

const noInput = z.strictObject({});

export const updateChannels = {
  'updates:status': { input: noInput, output: updateStateSchema },
  /** Asks the update server now; resolves with the state once the check is answered. */
  'updates:check': { input: noInput, output: updateStateSchema },
  /** The owner's consent (or not) to install a downloaded update when the app quits. */
  'updates:installOnQuit': { input: z.strictObject({ enabled: z.boolean() }), output: updateStateSchema },
  /** Quits now and installs the downloaded update (the owner clicked 立即重启并更新). */
  'updates:restart': { input: noInput, output: updateStateSchema },
} as const;
