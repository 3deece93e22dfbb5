import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDebouncedWriter } from './snapshot-debounce';

type Deferred = { resolve: () => void; reject: (e: unknown) => void };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(intervalMs = 1_000) {
  const writes: Deferred[] = [];
  const startedAt: number[] = [];
  const errors: unknown[] = [];
  const writer = createDebouncedWriter({
    intervalMs,
    write: () =>
      new Promise<void>((resolve, reject) => {
        startedAt.push(Date.now());
        writes.push({ resolve, reject });
      }),
    onError: (err) => errors.push(err),
  });
  return { writer, writes, startedAt, errors };
}

describe('snapshot debounce', () => {
  it('writes the first change after a quiet spell at once', async () => {
    const { writer, writes } = setup();
    writer.changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toHaveLength(1);
  });

  it('writes at most once per interval while changes keep arriving, and once after the last', async () => {
    const { writer, writes, startedAt } = setup(1_000);
    const t0 = Date.now();
    writer.changed();
    await vi.advanceTimersByTimeAsync(0);
    writes[0]!.resolve();
    // A burst of 20 batches over 2 s.
    for (let i = 0; i < 20; i++) {
      writer.changed();
      await vi.advanceTimersByTimeAsync(100);
      for (const w of writes) w.resolve();
    }
    await vi.advanceTimersByTimeAsync(2_000);
    for (const w of writes) w.resolve();
    await vi.advanceTimersByTimeAsync(2_000);
    const gaps = startedAt.slice(1).map((t, i) => t - startedAt[i]!);
    expect(gaps.every((g) => g >= 1_000)).toBe(true);
    // 2 s of changes at one write per second: the first, about two more, and the trailing one.
    expect(writes.length).toBeGreaterThanOrEqual(3);
    expect(writes.length).toBeLessThanOrEqual(4);
    // The last write began after the last change.
    expect(startedAt.at(-1)!).toBeGreaterThanOrEqual(t0 + 1_900);
  });

  it('never overlaps writes: a change during a write schedules the next one after it', async () => {
    const { writer, writes } = setup(0);
    writer.changed();
    await vi.advanceTimersByTimeAsync(0);
    writer.changed();
    await vi.advanceTimersByTimeAsync(50);
    expect(writes).toHaveLength(1);
    writes[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toHaveLength(2);
  });

  it('does not write without a change', async () => {
    const { writer, writes } = setup(0);
    await vi.advanceTimersByTimeAsync(5_000);
    await writer.settled();
    expect(writes).toHaveLength(0);
  });

  it('settled() waits for the scheduled write and reports its failure; the write is retried after the interval', async () => {
    const { writer, writes, errors } = setup(1_000);
    writer.changed();
    await vi.advanceTimersByTimeAsync(0);
    writes[0]!.resolve();
    writer.changed();
    let outcome: string | null = null;
    writer.settled().then(
      () => (outcome = 'ok'),
      (e: Error) => (outcome = e.message),
    );
    await vi.advanceTimersByTimeAsync(500);
    expect(outcome).toBeNull();
    await vi.advanceTimersByTimeAsync(500);
    expect(writes).toHaveLength(2);
    writes[1]!.reject(new Error('S3 down'));
    await vi.advanceTimersByTimeAsync(0);
    expect(outcome).toBe('S3 down');
    expect(errors).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(writes).toHaveLength(3);
    writes[2]!.resolve();
    await expect(writer.settled()).resolves.toBeUndefined();
  });

  it('cancel() drops a scheduled write', async () => {
    const { writer, writes } = setup(1_000);
    writer.changed();
    await vi.advanceTimersByTimeAsync(0);
    writes[0]!.resolve();
    writer.changed();
    writer.cancel();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(writes).toHaveLength(1);
  });
});
