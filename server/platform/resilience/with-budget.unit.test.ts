import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetFailureLogForTests, withBudget } from '.';

afterEach(() => {
  resetFailureLogForTests();
  vi.restoreAllMocks();
});

describe('withBudget', () => {
  it('answers with the remote value inside the budget', async () => {
    const out = await withBudget(
      'svc',
      async () => 'remote',
      100,
      () => 'local',
    );
    expect(out).toEqual({ value: 'remote', source: 'remote' });
  });

  it('falls back after the budget and aborts the call', async () => {
    let signal: AbortSignal | undefined;
    const started = Date.now();
    const out = await withBudget(
      'svc',
      (s) => {
        signal = s;
        return new Promise<string>(() => undefined); // never settles, ignores the signal
      },
      50,
      () => 'local',
    );
    expect(out).toEqual({ value: 'local', source: 'fallback', failure: 'timeout' });
    expect(signal?.aborted).toBe(true);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('classifies throttling and other errors, logging once per kind', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const throttle = Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
    for (let i = 0; i < 3; i++) {
      const out = await withBudget(
        'svc',
        async () => Promise.reject(throttle),
        100,
        (kind) => kind,
      );
      expect(out).toMatchObject({ source: 'fallback', failure: 'throttled', value: 'throttled' });
    }
    const boom = await withBudget(
      'svc',
      async () => Promise.reject(new Error('boom')),
      100,
      (kind) => kind,
    );
    expect(boom).toMatchObject({ failure: 'error' });
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
