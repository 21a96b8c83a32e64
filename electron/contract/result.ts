import { z } from 'zod';
import { errorCodeSchema, type ErrorCode } from './errors';

export type { ErrorCode };

/** An error as it crosses IPC: data, never a thrown Error (which would lose all but its message). */
export const appErrorDataSchema = z.object({
  code: errorCodeSchema,
  params: z.record(z.string(), z.unknown()).default({}),
  retryable: z.boolean(),
  wechat: z.object({ errcode: z.number().int(), rid: z.string().optional() }).optional(),
});
export type AppErrorData = z.infer<typeof appErrorDataSchema>;

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorData };

export function resultSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: appErrorDataSchema }),
  ]);
}
