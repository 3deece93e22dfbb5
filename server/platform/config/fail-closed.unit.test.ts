import { afterEach, describe, expect, it } from 'vitest';
import { getConfig, resetConfigForTests } from '.';
import { DEV_SECRET_DEFAULTS, failClosedReason } from './fail-closed';

// Issue 11.5 and 19.10: a production start fails closed on a development secret and on cognito-local's identity.

const SECRET = 'a-production-secret-of-enough-length-42';
const prod = (env: Record<string, string | undefined>) => failClosedReason(env, { NODE_ENV: 'production', ...env } as Parameters<typeof failClosedReason>[1]);

describe('failClosedReason', () => {
  it('refuses a production start without SESSION_SECRET or with the development value, in one line', () => {
    for (const env of [{}, { SESSION_SECRET: '' }, { SESSION_SECRET: DEV_SECRET_DEFAULTS.SESSION_SECRET }]) {
      const reason = prod(env);
      expect(reason).toMatch(/^SESSION_SECRET /);
      expect(reason).not.toContain('\n');
    }
  });

  it('accepts a secret of its own, and anything outside production', () => {
    expect(prod({ SESSION_SECRET: SECRET })).toBeNull();
    expect(failClosedReason({}, { NODE_ENV: 'development' })).toBeNull();
    expect(failClosedReason({}, { NODE_ENV: 'test' })).toBeNull();
  });

  it('does not refuse `next build`, which runs as production but starts no server', () => {
    expect(prod({ NEXT_PHASE: 'phase-production-build' })).toBeNull();
  });

  it('refuses a cognito-local pool id or a loopback Cognito endpoint in production off the local stack', () => {
    expect(prod({ SESSION_SECRET: SECRET, COGNITO_USER_POOL_ID: 'local_4aXr8Xq1' })).toMatch(/cognito-local pool/);
    for (const endpoint of ['http://127.0.0.1:9229', 'http://localhost:9229/', 'http://[::1]:9229', 'http://127.1.2.3:1', 'http://0.0.0.0:9229']) {
      expect(prod({ SESSION_SECRET: SECRET, COGNITO_USER_POOL_ID: 'us-east-1_abc', COGNITO_ENDPOINT: endpoint }), endpoint).toMatch(/loopback/);
    }
    expect(prod({ SESSION_SECRET: SECRET, COGNITO_USER_POOL_ID: 'us-east-1_abc' })).toBeNull();
  });

  it('lets the local stack (LOCAL_STACK=1) run a production build against cognito-local, still not on the dev secret', () => {
    const local = { LOCAL_STACK: '1', COGNITO_USER_POOL_ID: 'local_4aXr8Xq1', COGNITO_ENDPOINT: 'http://127.0.0.1:9229' };
    expect(prod({ ...local, SESSION_SECRET: SECRET })).toBeNull();
    expect(prod(local)).toMatch(/^SESSION_SECRET /);
  });
});

describe('getConfig in production', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetConfigForTests();
  });

  it('throws the refusal instead of falling back to the development secret', () => {
    Object.assign(process.env, { NODE_ENV: 'production', LOCAL_STACK: '' });
    delete process.env.SESSION_SECRET;
    resetConfigForTests();
    expect(() => getConfig()).toThrow(/^Refusing to start: SESSION_SECRET is not set/);
    process.env.SESSION_SECRET = SECRET;
    resetConfigForTests();
    expect(getConfig().SESSION_SECRET).toBe(SECRET);
  });
});
