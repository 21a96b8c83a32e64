// `npm run test:electron`: the Playwright _electron suite against the real app. It fetches the
// Electron binary the way `npm start` does (Electron's own installer: ELECTRON_MIRROR, checksums);
// where the binary cannot be had, it says it was skipped and why, and runs no test.
import { spawnSync } from 'node:child_process';
import { electronPackage, fetchElectron } from '../../electron/tools/electronBinary';
import { projectDir } from './launchApp';

const { ELECTRON_OVERRIDE_DIST_PATH: _override, ...env } = process.env;
const fetched = await fetchElectron(electronPackage(projectDir), env);
if (!fetched.ok) {
  console.log(`Electron suite SKIPPED, no Electron test was run: ${fetched.message}`);
  process.exit(0);
}
console.log(`Electron suite: using ${fetched.binary}`);

const run = (command: string, args: string[]) =>
  spawnSync(command, args, {
    cwd: projectDir,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...env, FG_ELECTRON_BINARY: fetched.binary },
  }).status ?? 1;

const built = run('npm', ['run', 'build']);
if (built !== 0) process.exit(built);
process.exit(run('npx', ['playwright', 'test', '-c', 'playwright.electron.config.ts']));
