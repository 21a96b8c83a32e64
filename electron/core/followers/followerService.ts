import { REMARKS_RECHECK_MS, type FollowerQuery, type FollowerRow } from '#contract/followers';
import { AppError } from '../appError';
import type { AccountService } from '../accounts/accountService';
import type { AccountSessions } from '../session/accountSessions';
import type { EventHub } from '../transport';
import { updateRemark } from '../wechat/api/users';
import { WeChatError } from '../wechat/wechatError';

/** WeChat wants a remark under 30 bytes of UTF-8 (about 10 Chinese characters). */
export const REMARK_MAX_BYTES = 29;

/** Followers for the renderer: queries from the cache; remarks go to WeChat, notes stay local. */
export class FollowerService {
  constructor(
    private readonly sessions: AccountSessions,
    private readonly accounts: AccountService,
    private readonly events: EventHub,
    private readonly now: () => number = Date.now,
  ) {}

  async query(accountId: string, query: FollowerQuery) {
    const s = await this.sessions.open(accountId);
    return s.db.followers.query(query, s.backend.api);
  }

  async get(accountId: string, openid: string): Promise<FollowerRow> {
    const s = await this.sessions.open(accountId);
    const row = s.db.followers.get(openid, s.backend.api);
    if (!row) throw new AppError('NOT_FOUND', { what: 'follower', id: openid });
    return row;
  }

  async setRemark(
    accountId: string,
    openid: string,
    rawRemark: string,
    recheck = false,
  ): Promise<FollowerRow> {
    const remark = rawRemark.trim();
    const bytes = Buffer.byteLength(remark, 'utf8');
    if (bytes > REMARK_MAX_BYTES) throw new AppError('REMARK_INVALID', { bytes, max: REMARK_MAX_BYTES });
    await this.get(accountId, openid);
    const s = await this.sessions.open(accountId);
    const { remarks, checkedAt } = s.account.capabilities;
    // Refused recently: say so at once, unless the owner asks to try again.
    if (remarks === 'no' && !recheck && checkedAt !== null && this.now() - checkedAt < REMARKS_RECHECK_MS)
      throw new AppError('REMARKS_UNAUTHORIZED', { checkedAt });
    try {
      await updateRemark(s.client, openid, remark);
    } catch (err) {
      if (err instanceof WeChatError && err.errcode === 48001) {
        // Learned: this is not a verified service account; say so at once next time. Only remarks
        // are refused, so the error says that rather than "no follower management at all".
        this.accounts.noteCapability(accountId, { remarks: 'no' });
        throw new AppError(
          'REMARKS_UNAUTHORIZED',
          { checkedAt: this.now() },
          { wechat: err.wechat, cause: err },
        );
      }
      if (err instanceof WeChatError && (err.errcode === 43004 || err.errcode === 50005)) {
        s.db.followers.upsertMany([{ openid, subscribed: false }]);
        this.events.emit('data:changed', { accountId });
      }
      throw err;
    }
    if (s.account.capabilities.remarks !== 'yes') this.accounts.noteCapability(accountId, { remarks: 'yes' });
    s.db.followers.setRemark(openid, remark);
    this.events.emit('data:changed', { accountId });
    return this.get(accountId, openid);
  }

  /** A local note: kept in the cache only, searchable, never sent to WeChat. */
  async setNote(accountId: string, openid: string, note: string): Promise<FollowerRow> {
    await this.get(accountId, openid);
    const s = await this.sessions.open(accountId);
    // The backup first: a note the owner saw saved must survive a damaged cache.
    s.db.notes.put(openid, note, this.now());
    s.db.followers.setNote(openid, note);
    this.events.emit('data:changed', { accountId });
    return this.get(accountId, openid);
  }
}
