import { describe, expect, it, vi } from 'vitest';
import { logOnce } from '../observability';
import type { Logger } from '../observability/logger';
import { ttlMemo } from '.';

function fakeLogger() {
  const lines: [string, string, Record<string, unknown> | undefined][] = [];
  const at = (level: string) => (msg: string, fields?: Record<string, unknown>) => void lines.push([level, msg, fields]);
  const log = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), enabled: () => true } as unknown as Logger;
  log.child = () => log;
  return { log, lines };
}

describe('logOnce', () => {
  it('writes each kind once until it recovers, then reports the repeats it kept quiet', () => {
    const { log, lines } = fakeLogger();
    const once = logOnce(`test-${Math.random()}`, log);
    once.log('redis-down', 'Redis unavailable', { err: 'ECONNREFUSED' });
    once.log('redis-down', 'Redis unavailable');
    once.log('redis-down', 'Redis unavailable');
    once.log('dynamo-down', 'DynamoDB unavailable', {}, 'error');
    expect(lines).toEqual([
      ['warn', 'Redis unavailable', { kind: 'redis-down', err: 'ECONNREFUSED' }],
      ['error', 'DynamoDB unavailable', { kind: 'dynamo-down' }],
    ]);
    once.recovered('redis-down');
    once.recovered('redis-down'); // already recovered: nothing to say
    expect(lines.at(-1)).toEqual(['info', 'recovered: redis-down', { repeatsNotLogged: 2 }]);
    expect(lines).toHaveLength(3);
    once.log('redis-down', 'Redis unavailable');
    expect(lines.at(-1)?.[1]).toBe('Redis unavailable');
  });

  it('shares what was said between two helpers of one namespace (two bundles of one process)', () => {
    const { log, lines } = fakeLogger();
    const ns = `shared-${Math.random()}`;
    logOnce(ns, log).log('k', 'first');
    logOnce(ns, log).log('k', 'again');
    expect(lines.map((l) => l[1])).toEqual(['first']);
  });
});

describe('ttlMemo', () => {
  it('shares one load per key until the time runs out, and forgets a failed load at once', async () => {
    const memo = ttlMemo(`test-${Math.random()}`, { ttlMs: 20, max: 10 });
    const load = vi.fn(async () => 'value');
    expect(await Promise.all([memo.get('a', load), memo.get('a', load)])).toEqual(['value', 'value']);
    expect(load).toHaveBeenCalledTimes(1);
    // Past the lifetime (lru-cache reads the real clock), the next get loads again.
    await new Promise((resolve) => setTimeout(resolve, 40));
    await memo.get('a', load);
    expect(load).toHaveBeenCalledTimes(2);

    const failing = vi.fn(async () => {
      throw new Error('down');
    });
    await expect(memo.get('b', failing)).rejects.toThrow('down');
    await expect(memo.get('b', failing)).rejects.toThrow('down');
    expect(failing).toHaveBeenCalledTimes(2);
  });

  it('keeps at most `max` keys, dropping the least recently used', async () => {
    const memo = ttlMemo(`lru-${Math.random()}`, { ttlMs: 60_000, max: 2 });
    const load = vi.fn(async () => 1);
    await memo.get('a', load);
    await memo.get('b', load);
    await memo.get('a', load); // a is now the most recent
    await memo.get('c', load); // drops b
    await memo.get('a', load);
    expect(load).toHaveBeenCalledTimes(3);
    await memo.get('b', load);
    expect(load).toHaveBeenCalledTimes(4);
  });
});
