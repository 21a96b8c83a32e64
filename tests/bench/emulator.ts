// Where the benchmarks' WeChat runs: in this process, or (the default) in a child process, as
// WeChat is another machine for the app — then the core's process does only the app's own work.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export type EmulatorPlace = 'child' | 'inProcess';

/** The few emulator controls the benchmark needs, in process or over its control endpoint. */
export interface BenchEmulator {
  url: string;
  openids(): Promise<string[]>;
  tagMembers(tagId: number): Promise<string[]>;
  addLatency(ms: number): Promise<void>;
  clearCalls(): Promise<void>;
  countCalls(path: string): Promise<number>;
  close(): Promise<void>;
}

export async function inProcessEmulator(followers: number): Promise<BenchEmulator> {
  const { DEFAULT_APPID, DEFAULT_SECRET, startEmulator } = await import('../../electron/emulator');
  const emulator = await startEmulator({
    port: 0,
    seed: 9,
    apps: [{ appid: DEFAULT_APPID, secret: DEFAULT_SECRET, followers }],
  });
  const c = emulator.control;
  return {
    url: emulator.url,
    openids: async () => c.state().openids(),
    tagMembers: async (id) => c.state().tagMembers(id),
    addLatency: async (ms) => void c.addFault({ kind: 'latency', ms }),
    clearCalls: async () => c.clearCalls(),
    countCalls: async (path) => c.calls({ path }).length,
    close: () => emulator.close(),
  };
}

export async function childEmulator(followers: number): Promise<BenchEmulator> {
  const proc = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/emulator/cli.ts',
      '--port',
      '0',
      '--seed',
      '9',
      '--followers',
      String(followers),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: proc.stdout });
    lines.on('line', (line) => {
      if (line.startsWith('ready ')) resolve(line.slice('ready '.length).trim());
    });
    proc.once('exit', (code) => reject(new Error(`emulator exited early (${code})`)));
  });
  const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}/__emulator/${path}`, {
      method,
      // The emulator refuses changing control requests that are not JSON.
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`emulator control ${method} ${path}: ${res.status}`);
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    url,
    openids: async () => (await control<{ openids: string[] }>('GET', 'openids')).openids,
    tagMembers: async (id) =>
      (await control<{ openids: string[] }>('GET', `tag-members?tagid=${id}`)).openids,
    addLatency: async (ms) => void (await control('POST', 'faults', { kind: 'latency', ms })),
    clearCalls: async () => void (await control('DELETE', 'calls')),
    countCalls: async (path) =>
      (await control<{ calls: unknown[] }>('GET', `calls?path=${encodeURIComponent(path)}`)).calls.length,
    close: async () => {
      proc.kill('SIGTERM');
      await exited;
    },
  };
}

export function startBenchEmulator(where: EmulatorPlace, followers: number): Promise<BenchEmulator> {
  return where === 'child' ? childEmulator(followers) : inProcessEmulator(followers);
}
