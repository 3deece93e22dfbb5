import net from 'node:net';
import os from 'node:os';
import { describe, expect, it } from 'vitest';

// Issue 19.10: the local stand-ins listen on loopback only (HOST unset). DynamoDB Local has no auth and cognito-local
// signs with a key from its npm package: from another machine's view, this machine's LAN address must refuse them.
// The stack is the one tests/integration-setup.ts started, with the default bind host.

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const lanAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

const ports = () =>
  [
    ['DynamoDB Local', process.env.DYNAMODB_ENDPOINT],
    ['cognito-local', process.env.COGNITO_ENDPOINT],
    ['redis-server', process.env.REDIS_URL],
  ]
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([name, url]) => [name, Number(new URL(url).port)] as const);

describe.skipIf(!lanAddress)('local stand-ins bind to loopback', () => {
  it(`answer on 127.0.0.1 and refuse this machine's LAN address (${lanAddress})`, async () => {
    const listed = ports();
    expect(listed.map(([name]) => name)).toContain('DynamoDB Local');
    for (const [name, port] of listed) {
      expect(await connects('127.0.0.1', port), `${name} on 127.0.0.1:${port}`).toBe(true);
      expect(await connects(lanAddress!, port), `${name} on ${lanAddress}:${port}`).toBe(false);
    }
  });
});
