import type { MenuLanguage } from './menu';

/**
 * The words of the shell's own dialogs (start-up failure, a crashed or hung window). They appear
 * before or without the page, so they live here rather than in the renderer's i18n files; the
 * language follows the owner's setting, else the system's.
 */
const text = {
  zh: {
    startupTitle: '粉丝分组助手无法启动',
    startupMessage: '应用在启动时出错，无法打开。',
    startupDetail: {
      dataFolder: '无法读写数据文件夹（{dataDir}）：请检查这个文件夹是否存在、是否有写入权限，磁盘是否已满。',
      other: '请关闭后重新打开应用试试；原因已记在日志里。',
    },
    startupLog:
      '详细记录在日志文件夹里：{logDir}\n如果重新打开后仍然出错，请把日志文件夹里的文件发给技术支持。',
    openLogFolder: '打开日志文件夹',
    quit: '退出',
    crashedTitle: '窗口内容意外停止了',
    crashedMessage: '窗口里的页面意外停止运行（原因：{reason}）。数据都保存在本机，不会丢失。',
    crashedDetail: '点“重新加载”重新打开页面；如果反复出现，请把日志文件夹里的文件发给技术支持。',
    hungTitle: '窗口没有响应',
    hungMessage: '窗口里的页面暂时没有响应，可能正在处理大量数据。',
    hungDetail: '可以继续等待，或者点“重新加载”重新打开页面（进行中的任务会在后台继续）。',
    reload: '重新加载',
    wait: '继续等待',
    reasons: {
      crashed: '崩溃',
      oom: '内存不足',
      killed: '被系统结束',
      'launch-failed': '无法启动',
      'integrity-failure': '程序文件校验失败',
      'abnormal-exit': '异常退出',
      'memory-eviction': '系统为释放内存关闭了它',
      other: '未知',
    },
  },
  en: {
    startupTitle: 'Follower Groups could not start',
    startupMessage: 'Something went wrong while the app was starting, so it cannot open.',
    startupDetail: {
      dataFolder:
        'The app cannot read or write its data folder ({dataDir}). Check that the folder exists, that you may write to it, and that the disk is not full.',
      other: 'Close the app and open it again; the cause has been written to the log.',
    },
    startupLog:
      'The details are in the log folder: {logDir}\nIf it happens again after reopening the app, send the files in the log folder to support.',
    openLogFolder: 'Open Log Folder',
    quit: 'Quit',
    crashedTitle: 'The window stopped working',
    crashedMessage:
      'The page in the window stopped unexpectedly (reason: {reason}). Your data is saved on this computer.',
    crashedDetail:
      'Click Reload to open the page again. If it keeps happening, send the files in the log folder to support.',
    hungTitle: 'The window is not responding',
    hungMessage: 'The page in the window is not responding; it may be busy with a lot of data.',
    hungDetail:
      'You can keep waiting, or click Reload to open the page again (running jobs carry on in the background).',
    reload: 'Reload',
    wait: 'Keep Waiting',
    reasons: {
      crashed: 'it crashed',
      oom: 'out of memory',
      killed: 'ended by the system',
      'launch-failed': 'it could not start',
      'integrity-failure': 'the app files failed a check',
      'abnormal-exit': 'it quit abnormally',
      'memory-eviction': 'the system closed it to free memory',
      other: 'unknown',
    },
  },
} as const;

export type ShellText = (typeof text)[MenuLanguage];

export function shellText(language: MenuLanguage): ShellText {
  return text[language];
}

/** Fills {name} placeholders. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** The owner's chosen language if there is one, else the system's (as the menu does). */
export function shellLanguage(settingLanguage: unknown, systemLocale: string): MenuLanguage {
  if (settingLanguage === 'zh-CN') return 'zh';
  if (settingLanguage === 'en') return 'en';
  return systemLocale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
