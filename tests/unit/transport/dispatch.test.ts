import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/appError';
import { dispatch, type UnexpectedFailure } from '../../../electron/core/transport';
import { samples } from './samples';
import { spyHandlers } from './spies';

describe('dispatch', () => {
  it('passes a parsed input to the handler and wraps its output', async () => {
    const spy = spyHandlers();
    const result = await dispatch(spy.handlers, 'accounts:rename', { id: 'acc_1', name: '  新名字 ' });
    expect(result).toEqual({ ok: true, data: samples['accounts:rename'].output });
    expect(spy.calls.get('accounts:rename')).toEqual([{ id: 'acc_1', name: '新名字' }]);
  });

  it('answers an unknown channel with BAD_INPUT, including prototype names', async () => {
    const spy = spyHandlers();
    for (const channel of ['nope:nope', '__proto__', 'constructor', 'toString', 42, null, undefined, {}]) {
      const result = await dispatch(spy.handlers, channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', retryable: false } });
    }
    expect(spy.total()).toBe(0);
  });

  it('answers an invalid input with BAD_INPUT and the zod issues, without calling the handler', async () => {
    const spy = spyHandlers();
    const result = await dispatch(spy.handlers, 'accounts:add', { appId: 5, appSecret: 'x', bogus: true });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'BAD_INPUT',
        retryable: false,
        params: {
          issues: [
            { path: ['appId'], message: expect.any(String) },
            { path: [], message: expect.stringContaining('bogus') },
          ],
        },
      },
    });
    expect(spy.total()).toBe(0);
  });

  it('rejects objects that are not plain (structured clone carries Date, Map...)', async () => {
    const spy = spyHandlers();
    for (const payload of [new Date(0), new Map(), [], /x/])
      expect(await dispatch(spy.handlers, 'app:info', payload)).toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT' },
      });
    expect(await dispatch(spy.handlers, 'app:info', Object.create(null))).toMatchObject({ ok: true });
  });

  it('turns an AppError into its data', async () => {
    const { handlers } = spyHandlers();
    handlers['accounts:remove'] = async () => {
      throw new AppError(
        'QUOTA_MINUTE',
        { wait: 60 },
        { retryable: true, wechat: { errcode: 45011, rid: 'r1' } },
      );
    };
    expect(await dispatch(handlers, 'accounts:remove', { id: 'x' })).toEqual({
      ok: false,
      error: {
        code: 'QUOTA_MINUTE',
        params: { wait: 60 },
        retryable: true,
        wechat: { errcode: 45011, rid: 'r1' },
      },
    });
  });

  it('turns any other throw into INTERNAL without its message or stack', async () => {
    const { handlers } = spyHandlers();
    const failures: UnexpectedFailure[] = [];
    handlers['accounts:test'] = async () => {
      throw new Error('GET https://api.weixin.qq.com/cgi-bin/token?secret=0123456789abcdef failed');
    };
    const result = await dispatch(
      handlers,
      'accounts:test',
      { appId: 'wx0123456789abcdef', appSecret: 's' },
      {
        onUnexpected: (f) => failures.push(f),
      },
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        params: { message: 'Internal error', ref: expect.any(String) },
        retryable: false,
      },
    });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ channel: 'accounts:test', stage: 'handler' });
    expect(failures[0]?.ref).toBe(result.ok ? '' : result.error.params['ref']);
  });

  it('survives a throwing logger and non-Error throws', async () => {
    const { handlers } = spyHandlers();
    handlers['app:info'] = () => Promise.reject('a string');
    const result = await dispatch(
      handlers,
      'app:info',
      {},
      {
        onUnexpected: () => {
          throw new Error('log down');
        },
      },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('checks outputs: a contract mismatch is INTERNAL, stray keys are dropped', async () => {
    const { handlers } = spyHandlers();
    const failures: UnexpectedFailure[] = [];
    handlers['settings:get'] = async () => ({ language: 'fr' }) as never;
    const bad = await dispatch(handlers, 'settings:get', {}, { onUnexpected: (f) => failures.push(f) });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(failures[0]?.stage).toBe('output');

    handlers['accounts:setDefault'] = async () => ({ id: 'a', token: 'ACCESS_TOKEN' }) as never;
    expect(await dispatch(handlers, 'accounts:setDefault', { id: 'a' })).toEqual({
      ok: true,
      data: { id: 'a' },
    });
  });
});
