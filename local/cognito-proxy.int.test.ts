import { describe, expect, it } from 'vitest';

// Issue 30 L11: cognito-local answered any web page cross-origin (`Access-Control-Allow-Origin: *`), including its
// unauthenticated admin user list, and any Host name (DNS rebinding). The stack tests/integration-setup.ts started
// puts it behind local/cognito-proxy.ts; COGNITO_ENDPOINT is the proxy.

const endpoint = () => process.env.COGNITO_ENDPOINT!;
const listUsers = (headers: Record<string, string>) =>
  fetch(endpoint(), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.ListUsers',
      ...headers,
    },
    body: JSON.stringify({ UserPoolId: process.env.COGNITO_USER_POOL_ID }),
  });

const corsHeaders = (res: Response) => [...res.headers.keys()].filter((name) => name.startsWith('access-control-'));

describe('cognito-local behind its proxy (issue 30 L11)', () => {
  it('refuses a web page: the user list from a foreign Origin, and its preflight, with 403 and no CORS headers', async () => {
    const res = await listUsers({ Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(corsHeaders(res)).toEqual([]);
    expect(await res.text()).not.toContain('Username');
    const preflight = await fetch(endpoint(), {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-amz-target,content-type' },
    });
    expect(preflight.status).toBe(403);
    expect(corsHeaders(preflight)).toEqual([]);
    // Even an Origin that looks local: the shop's browser pages never talk to Cognito, only its server does.
    expect((await listUsers({ Origin: 'http://127.0.0.1:3000' })).status).toBe(403);
  });

  it('refuses a foreign Host name (DNS rebinding)', async () => {
    const port = new URL(endpoint()).port;
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/health', headers: { Host: `rebound.evil.example:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('passes the server on (no Origin, loopback Host) without CORS headers', async () => {
    const res = await listUsers({});
    expect(res.status).toBe(200);
    expect(corsHeaders(res)).toEqual([]);
    expect(((await res.json()) as { Users: unknown[] }).Users.length).toBeGreaterThan(0);
  });
});
