// `npm run web -- [--port N] [--data DIR] [--demo] [--wechat-base URL]`: the browser host for development and
// end-to-end tests. Prints `ready <url>` once it listens; open that exact URL (it carries the
// per-run token in its #fragment).
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startWebHost } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    data: { type: 'string' },
    demo: { type: 'boolean', default: false },
    // Send every account's WeChat calls to this base URL (a local emulator from `npm run emulator`).
    'wechat-base': { type: 'string' },
  },
  strict: true,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a port number, got ${values.port}`);
  process.exit(2);
}
const dataDir = resolve(values.data ?? join(tmpdir(), 'follower-groups-webhost'));
mkdirSync(dataDir, { recursive: true });

const wechatBase = values['wechat-base'];
if (wechatBase !== undefined && !/^https?:\/\/[^/]+\/?$/.test(wechatBase)) {
  console.error(`--wechat-base must be a base URL such as http://127.0.0.1:8787, got ${wechatBase}`);
  process.exit(2);
}
const host = await startWebHost({
  port,
  dataDir,
  demo: values.demo,
  ...(wechatBase ? { wechat: { hosts: [wechatBase.replace(/\/$/, '')] } } : {}),
});
console.log(`ready ${host.url}`);
console.error(`data folder: ${dataDir} (secrets are stored UNENCRYPTED here: development only)`);

let closing = false;
const stop = () => {
  if (closing) return;
  closing = true;
  void host.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
