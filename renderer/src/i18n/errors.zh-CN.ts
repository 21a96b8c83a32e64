import type { ErrorCode } from '#contract/errors';

/** 每个错误：发生了什么，下一步怎么做。{{…}} 是错误带来的具体信息。 */
export const errorsZhCN: Record<ErrorCode, string> = {
  BAD_INPUT: '填写的内容格式不对，请检查后再试。',
  REQUEST_TOO_LARGE:
    '一次选中的粉丝太多，没法一起提交。请改用“全选符合条件的粉丝”（按筛选条件处理），或分几次处理。',
  FORBIDDEN_SENDER: '这个请求不是来自本应用的窗口，已被拒绝。请重新打开应用。',
  APP_FILES_CHANGED: '应用的文件刚刚更新过，这个窗口需要重新加载：请重启应用（数据都在，不会丢失）。',
  INTERNAL: '应用内部出错了：{{message}}。请重试；如果一直出现，请重启应用。',
  NOT_FOUND: '没有找到要操作的内容，可能已被删除。请刷新后再试。',
  APPID_FORMAT:
    'AppID 格式不对：应以 wx 开头，后面是 16 位字母或数字。请到微信开发者平台“基础信息 → 开发密钥”复制。',
  API_ADDRESS_INSECURE:
    '接口地址必须以 https:// 开头：用 http:// 时，AppSecret 和调用凭证会以明文经过网络，可能被别人看到。只有本机地址（127.0.0.1、localhost）可以用 http://。请改成 https:// 地址，或改用“直连”。',
  APPSECRET_FORMAT: 'AppSecret 格式不对：应为 32 位字母或数字。请到微信开发者平台“基础信息 → 开发密钥”复制。',
  ACCOUNT_EXISTS: '这个公众号（{{appId}}）已经添加过了，无需重复添加。',
  SECRET_STORAGE_UNAVAILABLE:
    '这台电脑的系统无法加密保存 AppSecret，为了安全，应用不会以明文保存它。请确认系统钥匙串可用后再试。',
  SECRET_UNREADABLE:
    '本机保存的这个公众号的 AppSecret 读不出来了（可能换了电脑、重装了系统，或系统钥匙串被重置）。请到“设置”里点“更换 AppSecret”重新填写；粉丝备注和任务记录都会保留。',
  DEMO_READ_ONLY: '演示账号不能修改这项设置。',
  INVALID_APPID: '微信不认识这个 AppID。请到微信开发者平台“基础信息 → 开发密钥”核对 AppID 后重新填写。',
  INVALID_APPSECRET:
    'AppSecret 不正确。请到微信开发者平台“基础信息 → 开发密钥”核对；如果忘记了需要重置，注意重置会让正在使用旧 AppSecret 的其他系统失效。已经添加的公众号在后台重置过的话，到“设置”里点“更换 AppSecret”填写新的即可，备注和任务记录都会保留。',
  APPSECRET_FROZEN:
    '这个公众号的 AppSecret 被冻结了，微信暂时不接受它。请管理员登录微信开发者平台，在“我的业务 → 公众号/服务号 → 基础信息 → 开发密钥”里解冻；解冻约 10 分钟后生效，然后再试。',
  API_HOST_RETIRED:
    '微信已停用这个接口地址。请在“设置 → 网络连接方式”里改回“直接连接”，或把中转地址改为转发到 api.weixin.qq.com，然后再试。',
  IP_NOT_WHITELISTED:
    '微信拒绝了来自 IP {{ip}} 的请求，因为它不在 IP 白名单中。请到微信开发者平台“我的业务 → 公众号/服务号 → 基础信息 → 开发密钥 → IP白名单”添加这个 IP，几分钟后生效。',
  IP_CONFIRM_REQUIRED: '微信需要管理员确认这个新 IP。请在管理员的手机微信上同意登录请求，然后再试。',
  IP_CONFIRM_PENDING: '正在等待管理员在手机微信上确认这个 IP。确认后再试。',
  IP_REJECTED: '管理员拒绝了这个 IP，微信暂时禁止它调用接口（约 {{hours}} 小时）。请稍后再试，或换一个网络。',
  TOKEN_FIGHT:
    '有其他系统正在强制刷新这个公众号的 access_token，导致本应用的令牌反复失效。请检查网站、小程序或第三方平台是否使用了同一个 AppSecret 并强制刷新令牌。',
  TOKEN_INVALID: '微信拒绝了访问令牌。请稍后重试；如果一直出现，请检查是否有其他系统在使用同一个 AppSecret。',
  API_UNAUTHORIZED:
    '这个公众号没有权限使用粉丝管理功能。微信只允许已认证的公众号管理粉丝和标签，设置备注还需要已认证的服务号。完成微信认证后即可使用。',
  REMARKS_UNAUTHORIZED:
    '设置备注需要已认证的服务号，微信说这个公众号现在不能设置备注。标签、同步和黑名单不受影响；可以改用“本地笔记”记下这位粉丝是谁（只保存在本机）。完成或续期认证后可以再试。',
  API_BANNED: '这个接口因违规已被微信封禁。请登录公众号后台查看通知。',
  QUOTA_DAILY:
    '今天调用这个接口的次数已用完（微信每日限额）。任务已暂停，微信在北京时间 0 点重置次数后会自动继续；用量可在“设置 → 今天的微信接口次数”里查看。',
  QUOTA_MINUTE: '调用太快，触发了微信每分钟的限额。应用会在下一分钟自动继续。',
  QUOTA_CLEAR_LIMIT: '本月重置接口次数的机会（每月 10 次）已用完，请等到下个月。',
  SYSTEM_BUSY:
    '微信服务器暂时出错或繁忙，多次重试后仍未成功。同步和批量任务会自己定时再试；其他操作请稍后再试。',
  NETWORK: '连不上微信服务器（{{reason}}）。请检查网络；如果使用了代理，请检查代理设置。',
  TIMEOUT: '微信服务器长时间没有响应。请检查网络后再试。',
  TAG_NAME_INVALID: '标签名不可用：可能包含不允许的字符，或与已有标签重名。请换一个名字。',
  TAG_NAME_TOO_LONG: '标签名太长：最多 30 个字符（微信有时按字节计算，中文请尽量简短）。',
  TAG_LIMIT: '标签数量已达上限（每个公众号最多 100 个）。请先删除不用的标签。',
  TAG_RESERVED: '这是系统保留的分组（如星标组），不能修改或删除。',
  TAG_TOO_MANY_FANS: '这个标签下的粉丝超过 10 万，微信不允许直接删除。请先把粉丝移出这个标签，再删除。',
  TAG_USER_LIMIT: '这位粉丝的标签已达上限（每人最多 20 个）。请先去掉一些标签。',
  TAG_NOT_FOUND: '这个标签已不存在，可能在别处被删除了。请刷新标签列表。',
  GROUP_NAME_EMPTY: '名称不能为空，请输入名称。',
  GROUP_NAME_DUPLICATE: '已经有叫“{{name}}”的标签了，请换一个名字。',
  GROUP_NAME_INVALID: '分组名不可用，请换一个名字。',
  GROUP_NAME_TOO_LONG: '分组名太长：最多 30 个字符。',
  GROUP_LIMIT: '分组数量已达上限。请先删除不用的分组。',
  GROUP_RESERVED: '这是系统保留的分组（未分组、黑名单、星标组），不能修改或删除。',
  GROUP_NOT_FOUND: '这个分组已不存在。请刷新分组列表。',
  OPENID_INVALID: '粉丝编号（openid）无效。',
  OPENID_OTHER_APP: '这位粉丝属于另一个公众号。',
  USER_UNSUBSCRIBED: '这位粉丝已经取消关注。',
  USER_LIMITED: '这位粉丝的账号受到微信限制，暂时无法操作。',
  REMARK_INVALID: '备注太长：微信要求少于 30 个字节（最多 9 个汉字）。请缩短后再试。',
  LIST_TOO_LONG: '一次提交的粉丝太多，超过了微信的单次上限。这是应用的问题，请反馈给我们。',
  OPENID_BUSY: '这位粉丝正在被同时修改，稍后会自动重试。',
  PARTIAL_FAILURE: '有 {{count}} 位粉丝没有处理成功，其余已完成。可以查看原因后重试失败的部分。',
  REQUEST_MALFORMED: '发给微信的请求格式有误（错误码 {{errcode}}）。这是应用的问题，请反馈给我们。',
  WECHAT_UNKNOWN:
    '微信返回了错误 {{errcode}}：{{errmsg}}。请稍后重试；如果一直出现，请带上错误码和请求编号反馈。',
};
