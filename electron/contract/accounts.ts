import { z } from 'zod';

/**
 * Account shapes shared by the accounts channels. Nested input shapes are strict (unknown keys are
 * an error) so a typo in the renderer fails loudly instead of being silently dropped.
 */

/** An http(s) URL: anything else (file:, javascript:, socks...) cannot be a WeChat endpoint or proxy. */
const httpUrl = z.url({ protocol: /^https?$/ }).max(2048);

export const networkSettingSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('direct') }),
  z.strictObject({ mode: z.literal('system') }),
  z.strictObject({ mode: z.literal('proxy'), proxyUrl: httpUrl }),
  z.strictObject({ mode: z.literal('custom-base'), baseUrl: httpUrl }),
]);
export type NetworkSetting = z.infer<typeof networkSettingSchema>;

/**
 * Whether an API address keeps the AppSecret and tokens off the wire: https, or plain http only to
 * this computer (a local relay, the demo's emulator). Shared by the core, which refuses anything
 * else, and the form, which says so before sending.
 */
export function isPrivateApiAddress(address: string): boolean {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  if (url.protocol !== 'http:') return false;
  const host = url.hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Which WeChat API family carries the account's groups: tags (current) or the legacy groups API. */
export const groupApiSchema = z.enum(['tags', 'groups']);
export type GroupApi = z.infer<typeof groupApiSchema>;

const tri = z.enum(['yes', 'no', 'unknown']);
export const capabilitiesSchema = z.object({
  userManagement: tri,
  remarks: tri,
  checkedAt: z.number().nullable(),
});
export type Capabilities = z.infer<typeof capabilitiesSchema>;

/** What the renderer may know about an account: never the AppSecret, never a token. */
export const accountSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  appId: z.string(),
  isDemo: z.boolean(),
  capabilities: capabilitiesSchema,
  groupApi: groupApiSchema,
  network: networkSettingSchema,
  createdAt: z.number(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

// Inputs only bound lengths; the core checks the AppID/AppSecret formats so it can name the field.
export const accountIdInput = z.string().min(1).max(64);
export const accountNameInput = z.string().trim().min(1).max(40);
export const appIdInput = z.string().max(64);
export const appSecretInput = z.string().max(64);
