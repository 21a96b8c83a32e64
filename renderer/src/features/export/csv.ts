/**
 * CSV as Excel and WPS open it: UTF-8 with a byte-order mark (or Chinese turns to mojibake),
 * CRLF line ends, fields quoted when they hold a comma, quote or line break (RFC 4180).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (fields: readonly string[]) => fields.map(csvField).join(',');
  return `\uFEFF${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}

function csvField(value: string): string {
  // A remark like "=1+1" or "@x" would run as a formula in a spreadsheet: keep it text.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Offers `csv` as a file download (the Electron shell shows its save dialog). */
export function downloadCsv(csv: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download reads the blob after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
