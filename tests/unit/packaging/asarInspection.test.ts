// pack:check's look inside app.asar, on small archives made here.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createPackage } from '@electron/asar';
import { afterAll, describe, expect, it } from 'vitest';
import { bareImports, inspectAsar } from '../../../electron/tools/asarInspection';

const work = mkdtempSync(join(tmpdir(), 'fg-asar-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const goodApp: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'app', main: 'out/main/index.js' }),
  'out/main/index.js':
    'import { app } from "electron";\nimport Store from "electron-store";\nimport { z } from "zod";\nimport { join } from "node:path";\nimport fs from "fs";',
  'out/main/followerWriterThread.js': 'import { parentPort } from "node:worker_threads";',
  'out/preload/index.cjs': 'require("electron")',
  'out/renderer/index.html': '<!doctype html>',
  'node_modules/electron-store/package.json': JSON.stringify({
    name: 'electron-store',
    exports: './index.js',
    dependencies: { conf: '1' },
  }),
  'node_modules/electron-store/index.js': '',
  'node_modules/conf/package.json': JSON.stringify({ name: 'conf', main: 'dist/index.js' }),
  'node_modules/conf/dist/index.js': '',
  'node_modules/zod/package.json': JSON.stringify({
    name: 'zod',
    exports: { '.': { types: './index.d.cts', import: './index.js' } },
  }),
  'node_modules/zod/index.js': '',
};

let count = 0;
async function archive(files: Record<string, string>): Promise<string> {
  const dir = join(work, `app-${++count}`);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  const out = join(work, `app-${count}.asar`);
  await createPackage(dir, out);
  return out;
}

describe('pack:check inspection of app.asar', () => {
  it('passes an app whose entries and imports are all inside', async () => {
    const report = inspectAsar(await archive(goodApp), { devDependencies: ['antd', 'react'] });
    expect(report.problems).toEqual([]);
    expect(report.fileCount).toBe(Object.keys(goodApp).length);
    expect(report.packages).toEqual(['conf', 'electron-store', 'zod']);
  });

  it('reports a missing preload, a missing dependency of a dependency, and an unresolved import', async () => {
    const {
      'out/preload/index.cjs': _p,
      'out/main/followerWriterThread.js': _w,
      'node_modules/conf/package.json': _c,
      ...rest
    } = goodApp;
    const files = { ...rest, 'out/main/chunk.js': 'const u = await import("undici");' };
    const report = inspectAsar(await archive(files), { devDependencies: [] });
    expect(report.problems).toEqual(
      expect.arrayContaining([
        'out/preload/index.cjs (the main process loads it) is not in app.asar',
        'out/main/followerWriterThread.js (the main process loads it) is not in app.asar',
        'electron-store imports "conf", which is not in app.asar',
        'out/main imports "undici", which is not in app.asar',
      ]),
    );
  });

  it('reports source maps, tests, screenshots, sources and devDependencies', async () => {
    const report = inspectAsar(
      await archive({
        ...goodApp,
        'out/main/index.js.map': '{}',
        'tests/unit/a.test.ts': '',
        'resources/screenshots/main-zh.png': '',
        'electron/main/index.ts': '',
        'node_modules/antd/package.json': JSON.stringify({ name: 'antd' }),
        'node_modules/undici/lib/x.js.map': '{}',
      }),
      { devDependencies: ['antd'] },
    );
    expect(report.problems).toEqual(
      expect.arrayContaining([
        'out/main/index.js.map is a source map',
        'tests/unit/a.test.ts is a test folder',
        'resources/screenshots/main-zh.png is a screenshot',
        'electron/main/index.ts is project sources or assets',
        'antd is a devDependency but is in app.asar',
        'node_modules/undici/lib/x.js.map is a source map',
      ]),
    );
  });

  it('reads bare imports from a bundle, leaving out relative paths, Node built-ins and electron', () => {
    const source = `import a from "zod"; import "./x.js"; const b = require('@scope/pkg/sub'); await import("node:fs");
      import c from "path"; import d from "electron"; const s = "from \\"not a module\\"";`;
    expect(bareImports(source).sort()).toEqual(['@scope/pkg/sub', 'zod']);
  });
});
