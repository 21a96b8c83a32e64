import type { UpdateState } from '#contract/updates';

type ErrorReason = Extract<UpdateState, { status: 'error' }>['reason'];

/**
 * What an electron-updater failure means for the owner. While downloading, every failure is a
 * download failure (including a checksum mismatch); while checking, it depends on the answer.
 * Codes come from electron-updater / builder-util-runtime (ERR_UPDATER_*, HTTP_ERROR_<status>),
 * Node (ECONNREFUSED…) and Chromium's net stack in Electron (net::ERR_…).
 */
export function updateErrorReason(error: unknown, phase: 'check' | 'download'): ErrorReason {
  if (phase === 'download') return 'download';
  const { code, message, statusCode } = describe(error);
  if (statusCode === 404 || code === 'HTTP_ERROR_404' || code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND')
    return 'notFound';
  if (
    code === 'ERR_UPDATER_INVALID_UPDATE_INFO' ||
    code === 'ERR_UPDATER_INVALID_VERSION' ||
    code === 'ERR_UPDATER_NO_FILES_PROVIDED' ||
    /YAMLException|Cannot parse update info/i.test(message)
  )
    return 'badFeed';
  if (
    /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_\w+)$/.test(
      code,
    ) ||
    /net::ERR_|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|socket hang up|timeout/i.test(message)
  )
    return 'unreachable';
  if (statusCode !== undefined || code.startsWith('HTTP_ERROR_')) return 'notFound';
  return 'unknown';
}

function describe(error: unknown): { code: string; message: string; statusCode?: number } {
  if (typeof error !== 'object' || error === null) return { code: '', message: String(error) };
  const record = error as { code?: unknown; message?: unknown; statusCode?: unknown; cause?: unknown };
  const cause = record.cause as { code?: unknown } | undefined;
  return {
    code: String(record.code ?? cause?.code ?? ''),
    message: String(record.message ?? ''),
    ...(typeof record.statusCode === 'number' ? { statusCode: record.statusCode } : {}),
  };
}
