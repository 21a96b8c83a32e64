// `npm run bench [-- --latency 20 --runs 5 --only sync,query]`: every benchmark against the emulator
// with injected latency, each repeated, printed as a table (median, min–max) and written to
// bench-results/latest.json. Never part of `npm test`: these machines are too noisy for timing asserts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

// electron-store (used by the core's settings) imports 'electron'; outside Electron that must not
// try to download a binary. Set before anything imports it.
process.env['ELECTRON_OVERRIDE_DIST_PATH'] ??= '/nonexistent';

export interface BenchResult {
  name: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  runs: number;
  bound?: number;
  peer?: number;
  note?: string;
}

const { values } = parseArgs({
  options: {
    latency: { type: 'string', default: '20' },
    runs: { type: 'string', default: '5' },
    only: { type: 'string' },
  },
  strict: true,
});
const latency = Number(values.latency);
const runs = Math.max(1, Number(values.runs));
const only = values.only ? new Set(values.only.split(',')) : null;
const wanted = (name: string) => !only || only.has(name);

const { benchSync } = await import('./syncBench');
const { benchQuery } = await import('./queryBench');
const { benchMove } = await import('./moveBench');
const { benchFirstRows } = await import('./firstRowsBench');

const results: BenchResult[] = [];
const add = (r: BenchResult[]) => {
  results.push(...r);
  for (const x of r) console.error(`  done: ${x.name} median ${x.median.toFixed(1)} ${x.unit}`);
};

console.error(`latency ${latency} ms per request, ${runs} runs each`);
if (wanted('sync')) add(await benchSync({ latency, runs }));
if (wanted('move')) add(await benchMove({ latency, runs }));
if (wanted('query')) add(await benchQuery({ runs }));
if (wanted('firstRows')) add(await benchFirstRows({ runs }));

const fmt = (n: number | undefined) => (n === undefined ? '' : n >= 100 ? n.toFixed(0) : n.toFixed(2));
const rows = results.map((r) => [
  r.name,
  r.unit,
  fmt(r.median),
  `${fmt(r.min)}–${fmt(r.max)}`,
  String(r.runs),
  fmt(r.bound),
  fmt(r.peer),
  r.note ?? '',
]);
const header = ['benchmark', 'unit', 'median', 'min–max', 'runs', 'bound', 'peer', 'note'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', `${JSON.stringify({ latency, results }, null, 2)}\n`);
console.log('\nwritten to bench-results/latest.json');
process.exit(0);
