import { getTags } from '../wechat/api/tags';
import type { WeChatClient } from '../wechat/client';
import { WeChatError } from '../wechat/wechatError';
import type { Capabilities } from './accountRecord';

/**
 * Checks the credentials with a live token call, then whether the account may use user management:
 * tags/get answering 48001 means an unverified account. Remarks (service accounts only) cannot be
 * probed without changing data, so they stay 'unknown' until the first remark is set.
 */
export async function probeCapabilities(client: WeChatClient, now: number): Promise<Capabilities> {
  await client.token();
  let userManagement: Capabilities['userManagement'] = 'yes';
  try {
    await getTags(client);
  } catch (err) {
    if (!(err instanceof WeChatError) || err.errcode !== 48001) throw err;
    userManagement = 'no';
  }
  return { userManagement, remarks: userManagement === 'no' ? 'no' : 'unknown', checkedAt: now };
}
