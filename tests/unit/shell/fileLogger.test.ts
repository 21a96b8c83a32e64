import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/transport';
import {
  createFileLogger,
  logFileName,
  logKeptFiles,
  logMaxBytes,
  rotateLogFiles,
} from '../../../electron/hostShared/fileLogger';
import type { Handlers } from '#contract/channels';

const secret = '0123456789abcdef0123456789abcdef';
const token = '89_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const openids = Array.from({ length: 30 }, (_, i) => `oAbCdEfGhIjKlMnOpQrStUv${String(i).padStart(5, '0')}`);

describe('the log file', () => {
  it('holds every line in <logs>/main.log, with no AppSecret, token or openid list', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-logs-'));
    const log = createFileLogger(dir, 'main', { console: false });
    log.info('account added', { accountId: 'acc_1', appSecret: secret });
    log.warn('wechat host unreachable', {
      host: 'https://api.weixin.qq.com',
      path: `/cgi-bin/user/info/batchget?access_token=${token}`,
    });
    log.error('job chunk failed', { openids, failed: openids.slice(0, 3), nested: { access_token: token } });
    log.error('Unexpected failure', {
      channel: 'groups:list',
      ref: 'ab12cd34',
      error: new Error(`secret=${secret}`),
    });
    const text = readFileSync(join(dir, logFileName), 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(4);
    expect(text).toContain('account added');
    expect(text).toContain('[error]');
    expect(text).toContain('ab12cd34');
    expect(text).toContain('[30 openids]');
    expect(text).not.toContain(secret);
    expect(text).not.toContain(token);
    for (const openid of openids) expect(text).not.toContain(openid);
  });

  it('has the support number (ref) an owner sees with an INTERNAL error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-logs-'));
    const log = createFileLogger(dir, 'main', { console: false });
    const handlers = {
      'app:info': async () => {
        throw new TypeError('Cannot read properties of undefined');
      },
    } as unknown as Handlers;
    // As the IPC registry and the browser host do (electron/main/ipc.ts, electron/webhost/socket.ts).
    const result = await dispatch(
      handlers,
      'app:info',
      {},
      {
        onUnexpected: ({ channel, ref, stage }) => log.error('Unexpected failure', { channel, ref, stage }),
      },
    );
    expect(result.ok).toBe(false);
    const ref = !result.ok ? result.error.params['ref'] : undefined;
    expect(typeof ref).toBe('string');
    expect(readFileSync(join(dir, logFileName), 'utf8')).toContain(String(ref));
  });

  it(`rotates at ${logMaxBytes / 1024 / 1024} MB and keeps ${logKeptFiles} files`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-logs-'));
    const current = join(dir, logFileName);
    for (let round = 1; round <= 7; round++) {
      writeFileSync(current, `round ${round}\n`);
      rotateLogFiles(current);
    }
    expect(existsSync(current)).toBe(false); // The logger starts it afresh.
    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.3.log', 'main.4.log']);
    expect(readFileSync(join(dir, 'main.1.log'), 'utf8')).toBe('round 7\n');
    expect(readFileSync(join(dir, 'main.4.log'), 'utf8')).toBe('round 4\n');
  });

  it('the logger itself rotates once main.log is over the size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-logs-'));
    writeFileSync(join(dir, logFileName), 'x'.repeat(logMaxBytes + 1));
    createFileLogger(dir, 'main', { console: false }).info('after rotation');
    expect(readFileSync(join(dir, logFileName), 'utf8')).toContain('after rotation');
    expect(statSync(join(dir, 'main.1.log')).size).toBe(logMaxBytes + 1);
  });
});
