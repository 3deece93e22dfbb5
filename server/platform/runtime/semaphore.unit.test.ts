import { describe, expect, it } from 'vitest';
import { semaphore } from './semaphore';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('semaphore', () => {
  it('runs at most `active` at once, queues `queued`, refuses the rest, and hands slots on', async () => {
    const s = semaphore(`test-${Math.random()}`, { active: 2, queued: 1 });
    const gates = [gate(), gate(), gate()];
    let running = 0;
    let most = 0;
    const job = (g: { opened: Promise<void> }, value: number) => async () => {
      running++;
      most = Math.max(most, running);
      await g.opened;
      running--;
      return value;
    };
    const first = s.run(job(gates[0]!, 1));
    const second = s.run(job(gates[1]!, 2));
    const third = s.run(job(gates[2]!, 3));
    expect(await s.run(async () => 4)).toBeNull();
    expect(s.load()).toEqual({ active: 2, queued: 1 });
    for (const g of gates) g.open();
    expect(await Promise.all([first, second, third])).toEqual([{ value: 1 }, { value: 2 }, { value: 3 }]);
    expect(most).toBe(2);
    expect(s.load()).toEqual({ active: 0, queued: 0 });
    expect(await s.run(async () => 5)).toEqual({ value: 5 });
  });

  it('frees the slot when the work throws', async () => {
    const s = semaphore(`test-${Math.random()}`, { active: 1, queued: 0 });
    await expect(s.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(s.load()).toEqual({ active: 0, queued: 0 });
  });
});
