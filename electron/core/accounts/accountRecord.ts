// The stored account is exactly what the renderer may see: no secret, no token.
export type { AccountSummary as AccountRecord, Capabilities } from '#contract/accounts';
