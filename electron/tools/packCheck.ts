// `npm run pack:check`: packages an unpacked Linux build with electron-builder (the same config as
// the installers) around a stand-in Electron folder, then opens resources/app.asar and checks that
// the app inside can start: entry, preload and renderer where the main process looks for them,
// every bare import of the main bundle resolvable inside the archive, and nothing that does not
// belong there (tests, source maps, screenshots, devDependencies). Prints the archive's size and
// file count. Runs here, where no real Electron binary can be downloaded.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, Platform } from 'electron-builder';
import config from '../../electron-builder';
import { inspectAsar, type AsarReport } from './asarInspection';

const maxAsarBytes = 20 * 1024 * 1024;
const checkFeed = 'https://updates.invalid/follower-groups/';
const projectDir = resolve(import.meta.dirname, '../..');

async function main(): Promise<boolean> {
  const work = mkdtempSync(join(tmpdir(), 'fg-pack-check-'));
  try {
    const electronDist = standInElectron(join(work, 'electron-dist'));
    const output = join(work, 'release');
    await build({
      projectDir,
      targets: Platform.LINUX.createTarget('dir'),
      publish: 'never',
      config: {
        ...config,
        electronDist,
        // The stand-in has no fuse sentinel to flip; the real binaries get electronFuses in CI.
        electronFuses: null,
        // A feed, so the check also sees where the updater's address lands (next to app.asar).
        publish: [{ provider: 'generic', url: checkFeed }],
        directories: { ...config.directories, output },
      },
    });
    const asar = join(output, 'linux-unpacked', 'resources', 'app.asar');
    const pkg = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as {
      devDependencies?: Record<string, string>;
    };
    const report = inspectAsar(asar, { devDependencies: Object.keys(pkg.devDependencies ?? {}) });
    // electron/main/updaterSetup.ts reads process.resourcesPath/app-update.yml.
    const updateConfig = join(output, 'linux-unpacked', 'resources', 'app-update.yml');
    if (!existsSync(updateConfig) || !readFileSync(updateConfig, 'utf8').includes(checkFeed))
      report.problems.push(`resources/app-update.yml does not carry the update address ${checkFeed}`);
    printReport(report, statSync(asar).size);
    return report.problems.length === 0 && statSync(asar).size <= maxAsarBytes;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A folder shaped like Electron's Linux zip: electron-builder copies it and adds resources/app.asar. */
function standInElectron(dir: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const exe = join(dir, 'electron');
  writeFileSync(exe, '#!/bin/sh\necho "stand-in Electron for pack:check"\n');
  chmodSync(exe, 0o755);
  writeFileSync(join(dir, 'version'), readElectronVersion());
  writeFileSync(join(dir, 'LICENSE'), 'stand-in\n');
  return dir;
}

function readElectronVersion(): string {
  const file = join(projectDir, 'node_modules', 'electron', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

function printReport(report: AsarReport, bytes: number): void {
  const mb = (bytes / 1024 / 1024).toFixed(2);
  console.log(`pack:check app.asar: ${mb} MB (limit 20 MB), ${report.fileCount} files`);
  console.log(`pack:check packages inside: ${report.packages.join(', ')}`);
  if (bytes > maxAsarBytes) console.error(`pack:check FAILED: app.asar is ${mb} MB, over 20 MB`);
  for (const problem of report.problems) console.error(`pack:check FAILED: ${problem}`);
  if (report.problems.length === 0 && bytes <= maxAsarBytes) console.log('pack:check passed');
}

// Exit explicitly: electron-builder's async-exit-hook calls process.exit(0) on 'beforeExit', which
// would drop an exitCode of 1 and let a failed check pass `npm test`.
main().then(
  (passed) => process.exit(passed ? 0 : 1),
  (error: unknown) => {
    console.error(`pack:check FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
