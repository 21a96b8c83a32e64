// `npm start` runs this before `electron-vite dev`: electron-vite only reads node_modules/electron/
// path.txt (or ELECTRON_EXEC_PATH) and does not download the binary itself. Exits non-zero with
// one line saying why and what to do when the binary cannot be had.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { electronPackage, fetchElectron, installedBinary } from './electronBinary';

const execPath = process.env['ELECTRON_EXEC_PATH'];
if (execPath) {
  // electron-vite launches this instead of the downloaded binary; nothing to fetch.
  if (!existsSync(execPath)) {
    console.error(
      `ELECTRON_EXEC_PATH points at ${execPath}, which does not exist. Fix the path or unset it.`,
    );
    process.exit(1);
  }
} else {
  const pkg = electronPackage(resolve(import.meta.dirname, '../..'));
  if (!installedBinary(pkg)) {
    const source = process.env['ELECTRON_MIRROR'] || 'GitHub';
    console.log(`Downloading Electron ${pkg.version} from ${source} (about 100 MB, only once)…`);
  }
  const result = await fetchElectron(pkg, process.env);
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
}
