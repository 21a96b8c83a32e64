import { randomUUID } from 'node:crypto';
import { channels, isChannelName, type ChannelName, type Handlers } from '#contract/channels';
import type { AppErrorData, Result } from '#contract/result';
import { AppError } from '../appError';
import { badInput, unknownChannel } from './badInput';

/** Something went wrong that is not an AppError: the host logs it; the caller only gets a ref. */
export interface UnexpectedFailure {
  channel: ChannelName;
  /** Short id shown to the user (INTERNAL params.ref) and written to the log, to match the two. */
  ref: string;
  stage: 'handler' | 'output';
  error: unknown;
}

export interface DispatchOptions {
  onUnexpected?: (failure: UnexpectedFailure) => void;
}

/**
 * The one entry point both hosts (Electron IPC, browser-host WebSocket) use for a request.
 * Never throws, whatever it is given:
 * - an unknown channel or a payload its input schema rejects → BAD_INPUT with the zod issues, and
 *   the handler is not called;
 * - an AppError from the handler → its data;
 * - anything else → INTERNAL with a generic message and a ref (no stack, no error text: an error's
 *   message can carry a URL with a secret in it);
 * - the handler's result is always parsed with the output schema, in every build: that drops keys
 *   the contract does not name (defence against leaking a secret field) and turns a contract
 *   mismatch into an INTERNAL error here rather than a confusing crash in the renderer.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  payload: unknown,
  options: DispatchOptions = {},
): Promise<Result<unknown>> {
  if (!isChannelName(channel)) return failure(unknownChannel(channel));
  const spec = channels[channel];
  // Every input is an object; a Date, Map or class instance (IPC's structured clone carries them)
  // would otherwise look like `{}` to zod.
  if (!isPlainObject(payload)) return failure(badInput([notAnObject]));
  const input = spec.input.safeParse(payload);
  if (!input.success) return failure(badInput(input.error.issues));

  // Channels and handlers are correlated by name; TypeScript cannot follow that through a union.
  const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
  let output: unknown;
  try {
    output = await handler(input.data);
  } catch (error) {
    if (error instanceof AppError) return failure(error.toData());
    return failure(internal(channel, 'handler', error, options));
  }
  const parsed = spec.output.safeParse(output);
  if (!parsed.success) return failure(internal(channel, 'output', parsed.error, options));
  return { ok: true, data: parsed.data };
}

const notAnObject = { path: [], message: 'Invalid input: expected a plain object' };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function failure(error: AppErrorData): Result<never> {
  return { ok: false, error };
}

function internal(
  channel: ChannelName,
  stage: UnexpectedFailure['stage'],
  error: unknown,
  options: DispatchOptions,
): AppErrorData {
  const ref = randomUUID().slice(0, 8);
  try {
    options.onUnexpected?.({ channel, ref, stage, error });
  } catch {
    // A failing logger must not turn into a failed request.
  }
  return { code: 'INTERNAL', params: { message: 'Internal error', ref }, retryable: false };
}
