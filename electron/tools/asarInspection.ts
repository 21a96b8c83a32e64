// What pack:check looks for inside a packaged app.asar. Separate from the packaging run so unit
// tests can hand it small archives made on the spot.
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';

/** Where electron/main/index.ts looks for the preload and the page, relative to the main bundle's folder. */
export const preloadFromMain = '../preload/index.cjs';
export const rendererFromMain = '../renderer/index.html';
/** The sync's writer thread, an entry of its own (electron/core/store/followerWriter.ts starts it). */
export const writerThreadFromMain = './followerWriterThread.js';

export type AsarReport = {
  fileCount: number;
  /** Packages under node_modules (at any depth), sorted. */
  packages: string[];
  problems: string[];
};

type PackageJson = {
  name?: string;
  main?: string;
  module?: string;
  exports?: unknown;
  dependencies?: Record<string, string>;
};

const notAllowed: Array<[RegExp, string]> = [
  [/\.map$/, 'a source map'],
  [/(^|\/)(test|tests|__tests__|e2e)\//, 'a test folder'],
  [/\.(test|spec|e2e)\.[cm]?[jt]sx?$/, 'a test file'],
  [/(^|\/)screenshots?\//, 'a screenshot'],
  [/^(electron|renderer\/src|tests|resources|bench-results|test-results)\//, 'project sources or assets'],
  [/^[^/]+\.(ts|tsx)$|^(?!node_modules\/).*\.tsx?$/, 'a TypeScript source'],
];

export function inspectAsar(archive: string, options: { devDependencies: string[] }): AsarReport {
  const files = listPackage(archive, { isPack: false }).map((entry) =>
    entry.replace(/^[\\/]+/, '').replace(/\\/g, '/'),
  );
  const present = new Set(files);
  const isFile = (path: string) => present.has(path) && !files.some((f) => f.startsWith(`${path}/`));
  const readJson = (path: string) => JSON.parse(extractFile(archive, path).toString('utf8')) as PackageJson;
  const problems: string[] = [];

  // 1. The entry points, where the main process looks for them.
  let mainFile: string | undefined;
  if (!isFile('package.json')) problems.push('package.json is missing at the root of app.asar');
  else {
    mainFile = readJson('package.json').main?.replace(/^\.\//, '');
    if (!mainFile) problems.push('package.json has no "main" entry');
    else if (!isFile(mainFile)) problems.push(`the main entry ${mainFile} is not in app.asar`);
  }
  const mainDir = mainFile ? posix.dirname(mainFile) : 'out/main';
  for (const wanted of [preloadFromMain, rendererFromMain, writerThreadFromMain]) {
    const path = posix.normalize(posix.join(mainDir, wanted));
    if (!isFile(path)) problems.push(`${path} (the main process loads it) is not in app.asar`);
  }

  // 2. Every bare import of the main bundle resolves inside the archive, with its own dependencies.
  const bundle = files.filter((f) => f.startsWith(`${mainDir}/`) && /\.[cm]?js$/.test(f));
  const specifiers = new Set(bundle.flatMap((f) => bareImports(extractFile(archive, f).toString('utf8'))));
  const runtime = new Set<string>();
  const visit = (name: string, fromDir: string, importer: string) => {
    const dir = resolvePackageDir(name, fromDir, present);
    if (!dir) {
      problems.push(`${importer} imports "${name}", which is not in app.asar`);
      return;
    }
    if (runtime.has(dir)) return;
    runtime.add(dir);
    const pkg = readJson(`${dir}/package.json`);
    const entry = entryFile(pkg);
    if (
      entry &&
      !isFile(posix.normalize(posix.join(dir, entry))) &&
      !isFile(posix.normalize(posix.join(dir, `${entry}.js`)))
    )
      problems.push(`${name}'s entry ${entry} is missing from app.asar`);
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir, name);
  };
  for (const specifier of specifiers) visit(packageName(specifier), '', mainDir);

  // 3. Nothing that is not needed at run time.
  for (const file of files) {
    if (file.startsWith('node_modules/') || file.includes('/node_modules/')) {
      if (/\.map$/.test(file)) problems.push(`${file} is a source map`);
      continue;
    }
    for (const [pattern, what] of notAllowed)
      if (pattern.test(file)) {
        problems.push(`${file} is ${what}`);
        break;
      }
  }
  const packages = packageDirs(files);
  for (const dev of options.devDependencies) {
    const dir = `node_modules/${dev}`;
    if (present.has(dir) && !runtime.has(dir)) problems.push(`${dev} is a devDependency but is in app.asar`);
  }

  return {
    fileCount: files.filter((f) => !files.some((other) => other.startsWith(`${f}/`))).length,
    packages: packages.map((dir) => dir.replace(/^(.*\/)?node_modules\//, '')).sort(),
    problems,
  };
}

const packageSpecifier = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/[\w./-]*)?$/i;

/** Bare module specifiers (not relative, not Node built-ins, not 'electron') in a bundle's source. */
export function bareImports(source: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns)
    for (const match of source.matchAll(pattern)) {
      const specifier = match[1]!;
      if (!packageSpecifier.test(specifier)) continue;
      if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) continue;
      if (builtinModules.includes(specifier.split('/')[0]!) || builtinModules.includes(specifier)) continue;
      if (specifier === 'electron' || specifier.startsWith('electron/')) continue;
      found.add(specifier);
    }
  return [...found];
}

export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Node's lookup: node_modules of the importer's package, then of each folder above it. */
function resolvePackageDir(name: string, fromDir: string, present: Set<string>): string | undefined {
  let dir = fromDir;
  for (;;) {
    const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (present.has(`${candidate}/package.json`)) return candidate;
    if (!dir) return undefined;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut < 0 ? '' : dir.slice(0, cut);
  }
}

/** The file `import pkg` loads; undefined for a types-only package (nothing loads at run time). */
function entryFile(pkg: PackageJson): string | undefined {
  if (pkg.exports !== undefined) return exportTarget(pkg.exports)?.replace(/^\.\//, '');
  return (pkg.main ?? 'index.js').replace(/^\.\//, '');
}

function exportTarget(exports: unknown): string | undefined {
  if (typeof exports === 'string') return exports;
  if (!exports || typeof exports !== 'object') return undefined;
  const record = exports as Record<string, unknown>;
  const root = '.' in record ? record['.'] : record;
  if (typeof root === 'string') return root;
  if (!root || typeof root !== 'object') return undefined;
  const conditions = root as Record<string, unknown>;
  for (const key of ['node', 'import', 'require', 'default']) {
    const target = exportTarget(conditions[key] === undefined ? undefined : { '.': conditions[key] });
    if (target) return target;
  }
  return undefined;
}

function packageDirs(files: string[]): string[] {
  const dirs = new Set<string>();
  for (const file of files) {
    const match = /^(.*node_modules\/(@[^/]+\/)?[^/@][^/]*)\/package\.json$/.exec(file);
    if (match) dirs.add(match[1]!);
  }
  return [...dirs];
}
