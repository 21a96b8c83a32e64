import { AppError } from '../appError';
import { describeWeChatError, type ErrorCategory } from './errorCatalog';

/** A WeChat errcode answer, typed: the contract's code and params plus the raw errcode and rid. */
export class WeChatError extends AppError {
  readonly errcode: number;
  readonly category: ErrorCategory;
  readonly path: string;

  constructor(errcode: number, errmsg: string, path: string, body?: unknown) {
    const d = describeWeChatError(errcode, errmsg, body);
    super(d.code, d.params, {
      retryable: d.retryable,
      wechat: { errcode, ...(d.rid ? { rid: d.rid } : {}) },
    });
    this.name = 'WeChatError';
    this.errcode = errcode;
    this.category = d.category;
    this.path = path;
  }
}
