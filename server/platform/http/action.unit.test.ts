import { redirect } from 'next/navigation';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors';
import { action } from './action';

type State = { status: 'done' | 'refused' | 'failed'; message: string };

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

const idle: State = { status: 'done', message: '' };

function codeAction(run: (code: string) => Promise<State>) {
  return action({
    name: 'test',
    schema: z.object({ code: z.string().trim().min(1, 'Enter a code.') }),
    input: (f) => ({ code: f.get('code') ?? '' }),
    run: ({ code }) => run(code),
    refused: (err) => ({ status: 'refused', message: `${err.code}: ${err.message}` }),
    failed: () => ({ status: 'failed', message: 'try again' }),
  });
}

describe('action()', () => {
  it('runs the function with the input the schema parsed', async () => {
    const seen: string[] = [];
    const act = codeAction(async (code) => {
      seen.push(code);
      return { status: 'done', message: code };
    });
    expect(await act(idle, form({ code: '  SAVE10 ' }))).toEqual({ status: 'done', message: 'SAVE10' });
    expect(seen).toEqual(['SAVE10']);
  });

  it('answers a field the schema refuses as form state, without running the function', async () => {
    let ran = false;
    const act = codeAction(async () => {
      ran = true;
      return idle;
    });
    expect(await act(idle, form({ code: ' ' }))).toEqual({ status: 'refused', message: 'VALIDATION_FAILED: Please check the highlighted fields.' });
    expect(ran).toBe(false);
  });

  it("answers the domain's refusal (a 4xx AppError) in the form's words", async () => {
    const act = codeAction(async () => {
      throw new AppError('INVALID_DISCOUNT', 'That code has ended.');
    });
    expect(await act(idle, form({ code: 'OLD' }))).toEqual({ status: 'refused', message: 'INVALID_DISCOUNT: That code has ended.' });
  });

  it('answers an outage as the failed state instead of an error page', async () => {
    const act = codeAction(async () => {
      throw new Error('DynamoDB is down');
    });
    expect(await act(idle, form({ code: 'X' }))).toEqual({ status: 'failed', message: 'try again' });
  });

  it("lets Next's redirect through", async () => {
    const act = codeAction(async () => redirect('/cart'));
    await expect(act(idle, form({ code: 'X' }))).rejects.toMatchObject({ digest: expect.stringContaining('NEXT_REDIRECT') });
  });
});
