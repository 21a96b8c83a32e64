/**
 * A loggable summary of an unexpected error: its name, and its message with anything that looks
 * like a credential blanked out (undici and others put the request URL, with its query, in
 * messages). The stack stays out of the log line; the ref ties the line to what the user saw.
 */
const sensitive = /((?:secret|appsecret|access_token|token|password)=)[^&\s"']+/gi;

export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error)
    return { name: error.name, message: blankCredentials(error.message).slice(0, 500) };
  return { name: typeof error, message: '(not an Error)' };
}

/** The text with every `secret=…`, `access_token=…` (and the like) value replaced by ***. */
export function blankCredentials(text: string): string {
  return text.replace(sensitive, '$1***');
}
