// Finding and fetching the Electron binary for development. Since Electron 42 `npm install electron`
// downloads nothing; the binary comes with the package's own install script (install.js: the
// `install-electron` bin), which uses @electron/get: ELECTRON_MIRROR, the download cache and the
// SHA-256 checksums shipped in checksums.json (a damaged or partial download, or a damaged cached
// copy, fails the check and is fetched again). This file only runs that script and explains failures.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A mirror that serves Electron's releases in mainland China. */
export const chinaMirror = 'https://npmmirror.com/mirrors/electron/';

export type ElectronPackage = { dir: string; version: string };

export function electronPackage(fromDir: string): ElectronPackage {
  const require = createRequire(join(fromDir, 'package.json'));
  const manifest = require.resolve('electron/package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { dir: dirname(manifest), version };
}

/**
 * The executable the package's install script left behind, checked the way that script checks it
 * (dist/version is this version, path.txt names the file, the file exists); null when not installed.
 */
export function installedBinary(pkg: ElectronPackage): string | null {
  try {
    const version = readFileSync(join(pkg.dir, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '');
    const relative = readFileSync(join(pkg.dir, 'path.txt'), 'utf8');
    const binary = join(pkg.dir, 'dist', relative);
    return version === pkg.version && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export type FetchResult = { ok: true; binary: string } | { ok: false; message: string };

/** Runs Electron's own installer; on failure removes what it left half-done and says why in one line. */
export async function fetchElectron(pkg: ElectronPackage, env: NodeJS.ProcessEnv): Promise<FetchResult> {
  const already = installedBinary(pkg);
  if (already) return { ok: true, binary: already };
  const { code, output } = await runInstaller(pkg, env);
  const binary = installedBinary(pkg);
  if (code === 0 && binary) return { ok: true, binary };
  // The script writes path.txt last; without a complete install, leave nothing that makes the next
  // try (or electron-vite) believe one is there.
  rmSync(join(pkg.dir, 'path.txt'), { force: true });
  rmSync(join(pkg.dir, 'dist'), { recursive: true, force: true });
  return { ok: false, message: failureMessage(pkg.version, output, env) };
}

function runInstaller(
  pkg: ElectronPackage,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(pkg.dir, 'install.js')], {
      cwd: pkg.dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ code: null, output: String(error) }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** One line: what went wrong, then what to do. */
export function failureMessage(version: string, output: string, env: NodeJS.ProcessEnv): string {
  const mirror = env['ELECTRON_MIRROR'] || env['npm_config_electron_mirror'];
  const source = mirror ? `the mirror ${mirror}` : 'GitHub';
  const reason = /checksum|sha256|SHASUMS/i.test(output)
    ? `the file from ${source} was damaged or incomplete (its checksum did not match)`
    : /HTTPError|Response code 4\d\d|status(Code)?:? 4\d\d|\b404\b/i.test(output)
      ? `${source} does not have Electron ${version}`
      : /fetch failed|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|socket|network/i.test(output)
        ? `${source} could not be reached`
        : `the download from ${source} failed (${lastLine(output) || 'no reason given'})`;
  const next = mirror
    ? 'Check the network or the mirror address, then run the command again.'
    : `Check the network, or use a mirror: set ELECTRON_MIRROR=${chinaMirror} and run the command again.`;
  return `Electron ${version} could not be downloaded: ${reason}. ${next}`;
}

function lastLine(output: string): string {
  const lines = output
    .trim()
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const message = lines.find((line) => /Error/.test(line)) ?? lines.at(-1) ?? '';
  return message.slice(0, 160);
}
