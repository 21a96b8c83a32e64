import type { Logger } from '../core/ports';

/** One JSON line per entry on stderr; callers never pass a secret (see the Logger port). */
export function createConsoleLogger(scope: string): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) =>
    console.error(JSON.stringify({ time: new Date().toISOString(), level, scope, message, ...fields }));
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

/** Every entry to both logs (the browser host: its console and its log file). */
export function teeLogger(first: Logger, second: Logger): Logger {
  return {
    info: (message, fields) => (first.info(message, fields), second.info(message, fields)),
    warn: (message, fields) => (first.warn(message, fields), second.warn(message, fields)),
    error: (message, fields) => (first.error(message, fields), second.error(message, fields)),
  };
}
