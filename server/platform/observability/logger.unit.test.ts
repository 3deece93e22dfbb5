import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetConfigForTests } from '../config';
import { runWithRequestContext, setFallbackRequestId } from './context';
import { formatLogLine, logger } from './logger';

const previous = process.env.LOG_LEVEL;

function setLevel(level: string | undefined): void {
  if (level === undefined) delete process.env.LOG_LEVEL;
  else process.env.LOG_LEVEL = level;
  resetConfigForTests();
}

/** Captures what each console method receives. */
function captureConsole() {
  const lines: { method: string; line: string }[] = [];
  for (const method of ['debug', 'info', 'warn', 'error'] as const) {
    vi.spyOn(console, method).mockImplementation((line: unknown) => {
      lines.push({ method, line: String(line) });
    });
  }
  return lines;
}

beforeEach(() => setLevel('debug'));
afterEach(() => {
  vi.restoreAllMocks();
  setFallbackRequestId(undefined);
  setLevel(previous);
});

describe('logger', () => {
  it('writes one JSON object per line: time, level, msg, then the fields, through the console method of the level', () => {
    const lines = captureConsole();
    logger.warn('flags: DynamoDB read failed', { err: 'boom', attempt: 2 });
    logger.error('payment void failed', { provider: 'sandbox' });
    logger.info('recovered');
    logger.debug('aws call', { service: 'dynamodb' });
    expect(lines.map((l) => l.method)).toEqual(['warn', 'error', 'info', 'debug']);
    for (const { line } of lines) {
      expect(line).not.toContain('\n');
      const parsed = JSON.parse(line) as Record<string, unknown>;
      expect(Number.isNaN(Date.parse(String(parsed.time)))).toBe(false);
    }
    const first = JSON.parse(lines[0]!.line) as Record<string, unknown>;
    expect(Object.keys(first)).toEqual(['time', 'level', 'msg', 'err', 'attempt']);
    expect(first).toMatchObject({ level: 'warn', msg: 'flags: DynamoDB read failed', err: 'boom', attempt: 2 });
  });

  it('adds the request id inside a request context, and only there', () => {
    const lines = captureConsole();
    logger.info('outside');
    runWithRequestContext('req-123', () => logger.info('inside', { a: 1 }));
    const [outside, inside] = lines.map((l) => JSON.parse(l.line) as Record<string, unknown>);
    expect(outside).not.toHaveProperty('requestId');
    expect(Object.keys(inside!).slice(0, 4)).toEqual(['time', 'level', 'msg', 'requestId']);
    expect(inside!.requestId).toBe('req-123');
  });

  it('keeps the id across awaits and timers of the same request, and apart between concurrent requests', async () => {
    const lines = captureConsole();
    const work = (id: string, delay: number) =>
      runWithRequestContext(id, async () => {
        await new Promise((r) => setTimeout(r, delay));
        logger.info('after a timer', { expect: id });
        await Promise.resolve();
        logger.info('after a microtask', { expect: id });
      });
    await Promise.all([work('a', 15), work('b', 1)]);
    expect(lines).toHaveLength(4);
    for (const { line } of lines) {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      expect(parsed.requestId).toBe(parsed.expect);
    }
  });

  it('takes the fallback id (a page render) when no route context is open; the route context wins', () => {
    const lines = captureConsole();
    setFallbackRequestId(() => 'page-req');
    logger.info('page');
    runWithRequestContext('route-req', () => logger.info('route'));
    setFallbackRequestId(() => {
      throw new Error('moved');
    });
    logger.info('broken fallback');
    expect(lines.map((l) => (JSON.parse(l.line) as { requestId?: string }).requestId)).toEqual(['page-req', 'route-req', undefined]);
  });

  it('filters by LOG_LEVEL from the config module', () => {
    const lines = captureConsole();
    setLevel('warn');
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(logger.enabled('debug')).toBe(false);
    setLevel('silent');
    logger.error('nothing');
    setLevel('debug');
    expect(logger.enabled('debug')).toBe(true);
    expect(lines.map((l) => (JSON.parse(l.line) as { msg: string }).msg)).toEqual(['w', 'e']);
  });

  it('defaults to info, and to warn under tests (NODE_ENV=test)', () => {
    setLevel(undefined);
    expect(process.env.NODE_ENV).toBe('test');
    expect(logger.enabled('info')).toBe(false);
    expect(logger.enabled('warn')).toBe(true);
    const env = process.env as Record<string, string | undefined>;
    const nodeEnv = env.NODE_ENV;
    env.NODE_ENV = 'production';
    resetConfigForTests();
    try {
      expect(logger.enabled('info')).toBe(true);
      expect(logger.enabled('debug')).toBe(false);
    } finally {
      env.NODE_ENV = nodeEnv;
      resetConfigForTests();
    }
  });

  it('rejects an unknown LOG_LEVEL through the config schema, and still logs at info meanwhile', () => {
    const lines = captureConsole();
    setLevel('loud');
    logger.debug('hidden');
    logger.info('shown');
    expect(lines.map((l) => (JSON.parse(l.line) as { msg: string }).msg)).toEqual(['shown']);
  });

  it('child loggers bind fields; call fields override bindings, never time/level/msg/requestId', () => {
    const line = JSON.parse(
      runWithRequestContext('rid', () => formatLogLine('warn', 'm', { component: 'search', level: 'error', msg: 'x', requestId: 'forged', time: 0, k: 1 })),
    ) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'warn', msg: 'm', requestId: 'rid', component: 'search', k: 1 });
    expect(typeof line.time).toBe('string');

    const lines = captureConsole();
    logger.child({ component: 'leaderboard', kind: 'a' }).child({ extra: true }).warn('x', { kind: 'b' });
    expect(JSON.parse(lines[0]!.line)).toMatchObject({ component: 'leaderboard', kind: 'b', extra: true });
  });

  it('renders errors as "Name: message" and bigints as strings; an unserialisable field never throws', () => {
    const err = Object.assign(new Error('table missing'), { name: 'ResourceNotFoundException' });
    expect(JSON.parse(formatLogLine('error', 'm', { err, n: 10n }))).toMatchObject({ err: 'ResourceNotFoundException: table missing', n: '10' });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const out = JSON.parse(formatLogLine('error', 'still logged', { circular }, 'rid')) as Record<string, unknown>;
    expect(out).toMatchObject({ level: 'error', msg: 'still logged', requestId: 'rid' });
    expect(String(out.logError)).toContain('not serialisable');
  });

  it('keeps a hostile message on one line (JSON escapes newlines)', () => {
    const line = formatLogLine('warn', 'a\nb', { q: '"}\n{"level":"error"' });
    expect(line.split('\n')).toHaveLength(1);
    expect(JSON.parse(line)).toMatchObject({ msg: 'a\nb', level: 'warn' });
  });
});
