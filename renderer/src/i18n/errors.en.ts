import type { ErrorCode } from '#contract/errors';

/** Every error: what happened, and what to do next. {{…}} are the specifics the error carries. */
export const errorsEn: Record<ErrorCode, string> = {
  BAD_INPUT: 'Something you entered is not in the right format. Please check it and try again.',
  REQUEST_TOO_LARGE:
    'Too many followers were picked one by one to send in one go. Select “all matching followers” (the filter decides who) or do it in a few smaller batches.',
  FORBIDDEN_SENDER:
    "This request did not come from the app's own window and was refused. Please reopen the app.",
  APP_FILES_CHANGED:
    'The app was just updated and this window needs to reload: please restart the app (nothing is lost).',
  // The core's message is a developer's note (it goes to the log): not for the owner.
  INTERNAL:
    'Something went wrong inside the app. Please try again; if it keeps happening, restart the app and send the files in the log folder (Settings → About) to support.',
  NOT_FOUND: 'What you wanted to change was not found; it may have been deleted. Refresh and try again.',
  APPID_FORMAT:
    'The AppID is not in the right format: it starts with "wx" followed by 16 digits or letters a–f (18 characters in all). Copy it from Basic Info → Developer Keys on the WeChat Developer Platform.',
  API_ADDRESS_INSECURE:
    'The API address must start with https://. Over http:// your AppSecret and access tokens would cross the network unencrypted, where others could read them. Only this computer (127.0.0.1, localhost) may use http://. Use an https:// address, or choose “Direct”.',
  APPSECRET_FORMAT:
    'The AppSecret is not in the right format: it is 32 digits or letters a–f. Copy it from Basic Info → Developer Keys on the WeChat Developer Platform.',
  ACCOUNT_EXISTS:
    'This Official Account ({{appId}}) has already been added, so there is no need to add it again: open it, or switch to it in the account list at the top left.',
  SECRET_STORAGE_UNAVAILABLE:
    "This computer's system cannot encrypt the AppSecret, so the app will not store it in plain text. Make sure the system keychain is available, then try again.",
  SECRET_UNREADABLE:
    "The AppSecret saved on this computer for this account can't be read (a new computer, a reinstalled system, or a reset keychain). Open Settings and click “Change AppSecret” to enter it again; your notes and job history stay.",
  DEMO_READ_ONLY: 'This setting cannot be changed for the demo account.',
  INVALID_APPID:
    'WeChat does not recognise this AppID. Check it under Basic Info → Developer Keys on the WeChat Developer Platform and enter it again.',
  INVALID_APPSECRET:
    'The AppSecret is wrong. Check it under Basic Info → Developer Keys on the WeChat Developer Platform. If you must reset it, remember that other systems using the old AppSecret will stop working. If it was reset for an account you already added, open Settings and click “Change AppSecret” to enter the new one; your notes and job history stay.',
  APPSECRET_FROZEN:
    "This account's AppSecret is frozen, so WeChat does not accept it for now. An administrator can unfreeze it on the WeChat Developer Platform under My Business → Official Account → Basic Info → Developer Keys; it applies about 10 minutes later, then try again.",
  API_HOST_RETIRED:
    'WeChat no longer serves this API address. Under Settings → How to connect, go back to a direct connection, or point your relay at api.weixin.qq.com, then try again.',
  IP_NOT_WHITELISTED:
    'WeChat refused the request from IP {{ip}} because it is not on the IP whitelist. Add this IP on the WeChat Developer Platform under My Business → Official Account → Basic Info → Developer Keys → IP whitelist; it applies after a few minutes.',
  IP_CONFIRM_REQUIRED:
    "WeChat wants an administrator to approve this new IP. Approve the request in WeChat on the administrator's phone, then try again.",
  IP_CONFIRM_PENDING:
    "Waiting for the administrator to approve this IP in WeChat on their phone. Try again once it's approved.",
  IP_REJECTED:
    'The administrator rejected this IP, so WeChat blocks it for about {{hours}} hours. Try again later or from another network.',
  TOKEN_FIGHT:
    "Another system keeps force-refreshing this account's access token, so the app's token keeps being invalidated. Check whether a website, mini program or third-party platform uses the same AppSecret and force-refreshes its token.",
  TOKEN_INVALID:
    'WeChat refused the access token. Try again shortly; if it keeps happening, check whether another system uses the same AppSecret.',
  API_UNAUTHORIZED:
    'This account is not allowed to manage followers. WeChat allows follower and tag management only for verified (认证) accounts, and remarks only for verified service accounts. Complete WeChat verification to use these features.',
  REMARKS_UNAUTHORIZED:
    'Remarks need a verified service account, and WeChat says this account cannot set them now. Tags, sync and the blacklist are not affected; use a local note (kept only on this computer) to record who this follower is. Once the account is verified (or its verification renewed), try again.',
  API_BANNED:
    'WeChat has banned this API for this account because of a violation. Check the notices in the console.',
  QUOTA_DAILY:
    "Today's WeChat quota for this operation is used up. The job is paused and continues by itself after WeChat resets the quota at midnight Beijing time; see Settings → Today's WeChat API calls.",
  QUOTA_MINUTE:
    "Requests came too fast for WeChat's per-minute limit. The app continues by itself next minute.",
  QUOTA_CLEAR_LIMIT: 'All 10 quota resets for this month have been used. Please wait until next month.',
  SYSTEM_BUSY:
    "WeChat's servers are busy or having trouble, and several retries did not get through. Syncs and bulk jobs keep trying by themselves; for anything else, please try again later.",
  NETWORK:
    "Can't reach WeChat's servers right now. Check that this computer is online; if you use a proxy, check its settings. The app reconnects by itself once the network is back.",
  TIMEOUT: "WeChat's servers did not answer in time. Check your network and try again.",
  TAG_NAME_INVALID:
    'This tag name cannot be used: it has characters WeChat does not allow, or another tag has it. Choose another name.',
  TAG_NAME_TOO_LONG:
    'The tag name is too long: at most 30 characters. WeChat sometimes counts bytes instead (a Chinese character is 3, an emoji 4), so a name under 30 characters can still be refused: make it shorter.',
  TAG_LIMIT:
    'This account already has the most tags WeChat allows (100). Delete a tag you no longer use first.',
  TAG_RESERVED: 'This is a reserved system group (such as Starred) and cannot be changed or deleted.',
  TAG_TOO_MANY_FANS:
    'This tag has more than 100,000 followers, and WeChat will not delete it directly. Remove the followers from the tag first, then delete it.',
  TAG_USER_LIMIT: 'This follower already has the most tags WeChat allows (20). Remove some tags first.',
  TAG_NOT_FOUND: 'This tag no longer exists; it may have been deleted elsewhere. Refresh the tag list.',
  GROUP_NAME_EMPTY: 'The name cannot be empty. Please enter a name.',
  GROUP_NAME_DUPLICATE: 'There is already a tag called "{{name}}". Choose another name.',
  GROUP_NAME_INVALID: 'This group name cannot be used. Choose another name.',
  GROUP_NAME_TOO_LONG: 'The group name is too long: at most 30 characters.',
  GROUP_LIMIT:
    'This account already has the most groups WeChat allows. Delete a group you no longer use first.',
  GROUP_RESERVED:
    'This is a reserved system group (Ungrouped, Blacklist, Starred) and cannot be changed or deleted.',
  GROUP_NOT_FOUND: 'This group no longer exists. Refresh the group list.',
  OPENID_INVALID: 'The follower id (openid) is not valid.',
  OPENID_OTHER_APP: 'This follower belongs to another Official Account.',
  USER_UNSUBSCRIBED: 'This follower has unfollowed the account.',
  USER_LIMITED: "This follower's WeChat account is restricted, so it can't be changed right now.",
  REMARK_INVALID:
    'The remark is too long: WeChat needs it under 30 bytes (at most 9 Chinese characters). Shorten it and try again.',
  LIST_TOO_LONG:
    "Too many followers were sent in one request, over WeChat's limit. This is a bug in the app; please report it.",
  OPENID_BUSY: 'This follower is being changed by another request; the app retries by itself.',
  PARTIAL_FAILURE:
    '{{count}} followers could not be processed; the rest are done. See why, then retry the ones that failed.',
  REQUEST_MALFORMED:
    'The request sent to WeChat was malformed (errcode {{errcode}}). This is a bug in the app; please report it.',
  JOB_GROUP_GONE:
    "Can't undo: the tag this job used, “{{name}}”, no longer exists. So that no other tag is changed, select these followers in the list and do it again.",
  JOB_GROUP_CHANGED:
    "Can't undo: this job was done with the tag “{{name}}”, which is now called “{{now}}” (renamed, or deleted and its place taken by a new tag). So that no other tag is changed, select these followers in the list and do it again.",
  WECHAT_UNKNOWN:
    'WeChat answered with error {{errcode}}: {{errmsg}}. Try again later; if it keeps happening, report it with the error code and request id.',
};
