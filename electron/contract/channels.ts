import { z } from 'zod';
import {
  accountIdInput,
  accountNameInput,
  accountSummarySchema,
  appIdInput,
  appSecretInput,
  capabilitiesSchema,
  groupApiSchema,
  networkSettingSchema,
} from './accounts';
import { dataChannels } from './dataChannels';
import { jobChannels } from './jobs';
import { wechatChannels } from './wechatChannels';
import { settingsPatchSchema, settingsSchema } from './settings';
import { updateChannels } from './updates';

/**
 * Every operation the renderer can ask for, by name (`domain:verb`), with zod schemas for what
 * goes in and what comes back. Adding a channel here is the whole change on the transport side:
 * the preload, the IPC registry, the browser host and the renderer's `window.wxg` type all follow.
 *
 * Rules that keep the three sides honest:
 * - inputs are strict objects (unknown keys are BAD_INPUT), with bounded strings;
 * - outputs are plain objects without transforms or defaults: the transport parses every output,
 *   which drops keys the schema does not name (a stray secret never reaches the renderer).
 */
const noInput = z.strictObject({});

/**
 * Something the host tells the owner once, at the start of this run. `settingsReset`: settings.json
 * could not be read; it was moved to `movedTo`, settings are back to defaults, `accountsKept`
 * accounts were put back.
 */
export const startupNoticeSchema = z.object({
  kind: z.literal('settingsReset'),
  movedTo: z.string(),
  accountsKept: z.number(),
});
export type StartupNotice = z.infer<typeof startupNoticeSchema>;

export const channels = {
  'app:info': {
    input: noInput,
    output: z.object({
      name: z.string(),
      version: z.string(),
      dataDir: z.string(),
      platform: z.string(),
      demoAvailable: z.boolean(),
      /** Where the host writes its log (null: it has no log file). */
      logDir: z.string().nullable(),
      notices: z.array(startupNoticeSchema),
    }),
  },
  /** Opens the log folder in the system's file manager; false where the host cannot. */
  'app:openLogFolder': {
    input: noInput,
    output: z.object({ opened: z.boolean() }),
  },

  'accounts:list': {
    input: noInput,
    output: z.object({ accounts: z.array(accountSummarySchema), defaultId: z.string().nullable() }),
  },
  /** Connection test without saving anything. */
  'accounts:test': {
    input: z.strictObject({
      appId: appIdInput,
      appSecret: appSecretInput,
      network: networkSettingSchema.optional(),
    }),
    output: z.object({ capabilities: capabilitiesSchema }),
  },
  'accounts:add': {
    input: z.strictObject({
      name: accountNameInput.optional(),
      appId: appIdInput,
      appSecret: appSecretInput,
      network: networkSettingSchema.optional(),
      groupApi: groupApiSchema.optional(),
    }),
    output: accountSummarySchema,
  },
  'accounts:rename': {
    input: z.strictObject({ id: accountIdInput, name: accountNameInput }),
    output: accountSummarySchema,
  },
  'accounts:configure': {
    input: z.strictObject({
      id: accountIdInput,
      network: networkSettingSchema.optional(),
      groupApi: groupApiSchema.optional(),
    }),
    output: accountSummarySchema,
  },
  /**
   * Replaces the saved AppSecret (after it was reset in the WeChat console, or when the saved one
   * cannot be read): tested with a live token call and the capability probe first, saved only if
   * WeChat accepts it. Notes, the cache and the job history stay as they are.
   */
  'accounts:changeSecret': {
    input: z.strictObject({ id: accountIdInput, appSecret: appSecretInput }),
    output: accountSummarySchema,
  },
  'accounts:remove': {
    input: z.strictObject({ id: accountIdInput }),
    output: z.object({ id: z.string() }),
  },
  'accounts:setDefault': {
    input: z.strictObject({ id: accountIdInput }),
    output: z.object({ id: z.string() }),
  },

  'settings:get': { input: noInput, output: settingsSchema },
  'settings:set': { input: settingsPatchSchema, output: settingsSchema },

  /** Opens (creating on first use) the demo account backed by the built-in emulator. */
  'demo:open': { input: noInput, output: accountSummarySchema },
  /** Puts the demo account's data back to its seed. */
  'demo:reset': { input: noInput, output: accountSummarySchema },

  ...dataChannels,
  ...jobChannels,
  ...updateChannels,
  ...wechatChannels,
} as const satisfies Record<`${string}:${string}`, { input: z.ZodObject; output: z.ZodType }>;

type Channels = typeof channels;
export type ChannelName = keyof Channels;
/** What a caller sends (before parsing: optional fields may be left out). */
export type ChannelRequest<C extends ChannelName> = z.input<Channels[C]['input']>;
/** What a handler receives: the input after parsing (strings trimmed, etc.). */
export type ChannelInput<C extends ChannelName> = z.output<Channels[C]['input']>;
/** What a handler resolves with and what the renderer receives. */
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

/** The services implement exactly this: one async function per channel. */
export type Handlers = { [C in ChannelName]: (input: ChannelInput<C>) => Promise<ChannelOutput<C>> };

export const channelNames = Object.keys(channels) as ChannelName[];

export function isChannelName(value: unknown): value is ChannelName {
  // hasOwn, not `in`: '__proto__' or 'toString' must not count as channels.
  return typeof value === 'string' && Object.hasOwn(channels, value);
}
