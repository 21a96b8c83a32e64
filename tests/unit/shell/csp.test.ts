import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/hostShared/csp';

function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name ?? '', values];
    }),
  );
}

describe('CSP', () => {
  it('gives the built app no network and no foreign or inline scripts', () => {
    const csp = parse(contentSecurityPolicy('app'));
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'none'"]);
    for (const d of ['object-src', 'base-uri', 'form-action', 'frame-src', 'frame-ancestors', 'worker-src'])
      expect(csp.get(d), d).toEqual(["'none'"]);
  });

  it('never allows eval, remote hosts or wildcards in any mode', () => {
    for (const mode of ['app', 'dev', 'webhost'] as const) {
      const policy = contentSecurityPolicy(mode);
      expect(policy).not.toMatch(/unsafe-eval|\*|https?:|wss?:/);
      expect(parse(policy).get('script-src')).toContain("'self'");
    }
  });

  it('lets the dev server and the browser host reach only their own origin', () => {
    expect(parse(contentSecurityPolicy('dev')).get('connect-src')).toEqual(["'self'"]);
    expect(parse(contentSecurityPolicy('dev')).get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(parse(contentSecurityPolicy('webhost')).get('connect-src')).toEqual(["'self'"]);
    expect(parse(contentSecurityPolicy('webhost')).get('script-src')).toEqual(["'self'"]);
  });
});
