import type { AppErrorData, ErrorCode } from '#contract/result';

/** The one error type services throw; the transport turns it into `{ok:false,error}` data. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, unknown>;
  readonly retryable: boolean;
  readonly wechat: AppErrorData['wechat'];

  constructor(
    code: ErrorCode,
    params: Record<string, unknown> = {},
    options: { retryable?: boolean; wechat?: AppErrorData['wechat']; cause?: unknown } = {},
  ) {
    super(`${code}${options.wechat ? ` (errcode ${options.wechat.errcode})` : ''}`, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.retryable = options.retryable ?? false;
    this.wechat = options.wechat;
  }

  toData(): AppErrorData {
    return {
      code: this.code,
      params: this.params,
      retryable: this.retryable,
      ...(this.wechat ? { wechat: this.wechat } : {}),
    };
  }
}
