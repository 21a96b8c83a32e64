import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, parse } from 'node:path';
import electronLog from 'electron-log/node';
import type { Logger } from '../core/ports';
import { scrubLogFields } from './logScrub';

/** main.log plus four older files of at most 2 MB each: enough history for a support case, ~10 MB. */
export const logFileName = 'main.log';
export const logMaxBytes = 2 * 1024 * 1024;
export const logKeptFiles = 5;

/**
 * Rotation: main.log → main.1.log → … → main.4.log, the oldest dropped. electron-log calls this
 * synchronously when main.log is over its size, then starts main.log afresh.
 */
export function rotateLogFiles(current: string, kept: number = logKeptFiles): void {
  const { dir, name, ext } = parse(current);
  const numbered = (n: number) => join(dir, `${name}.${n}${ext}`);
  rmSync(numbered(kept - 1), { force: true });
  for (let n = kept - 2; n >= 1; n--) if (existsSync(numbered(n))) renameSync(numbered(n), numbered(n + 1));
  renameSync(current, numbered(1));
}

/**
 * The app's log: one line per entry in `<dir>/main.log` (and on stderr), every field scrubbed
 * (no secret, token or openid list; see logScrub). The core gets it through its Logger port, so the
 * `ref` of an INTERNAL error the owner sees is in this file.
 */
export function createFileLogger(dir: string, scope: string, options: { console?: boolean } = {}): Logger {
  const log = electronLog.create({ logId: `file:${dir}` });
  log.transports.file.resolvePathFn = () => join(dir, logFileName);
  log.transports.file.maxSize = logMaxBytes;
  log.transports.file.archiveLogFn = (file) => {
    try {
      rotateLogFiles(file.path);
    } catch {
      // Another process holds the file (Windows): keep writing to it rather than lose lines.
    }
  };
  log.transports.file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}';
  log.transports.console.level = options.console === false ? false : 'info';
  const scoped = log.scope(scope);
  const write = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) =>
    scoped[level](fields ? `${message} ${JSON.stringify(scrubLogFields(fields))}` : message);
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
