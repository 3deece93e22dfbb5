import { LexRuntimeV2Client, RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetAwsClientsForTests } from '@/server/platform/aws/clients';
import { resetConfigForTests } from '@/server/platform/config';
import { resetFailureLogForTests } from '@/server/platform/resilience';

// Lex has no local server: request mapping, slot mapping and the fallbacks against aws-sdk-client-mock.
// Fulfilment is stubbed so only recognition is under test.
vi.mock('./fulfil', () => ({ fulfil: async () => ({ reply: 'ok' }) }));
const { askAssistant } = await import('./index');
const lex = mockClient(LexRuntimeV2Client);

beforeEach(() => {
  Object.assign(process.env, { LEX_BOT_ID: 'BOT123', LEX_BOT_ALIAS_ID: 'ALIAS1', LEX_LOCALE_ID: 'en_US', AI_SERVICE_BUDGET_MS: '80' });
  resetConfigForTests();
  resetAwsClientsForTests();
  resetFailureLogForTests();
  lex.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  for (const k of ['LEX_BOT_ID', 'LEX_BOT_ALIAS_ID', 'LEX_LOCALE_ID', 'AI_SERVICE_BUDGET_MS']) delete process.env[k];
  resetConfigForTests();
  vi.restoreAllMocks();
});

describe('Lex adapter', () => {
  it('sends RecognizeText with the bot, alias, locale and session, and maps the intent and interpreted slots', async () => {
    lex.on(RecognizeTextCommand).resolves({
      sessionState: {
        intent: {
          name: 'ProductSearch',
          state: 'ReadyForFulfillment',
          slots: {
            Colour: { value: { originalValue: 'crimson', interpretedValue: 'red', resolvedValues: ['red'] } },
            MaxPrice: { value: { originalValue: '80', interpretedValue: '80', resolvedValues: [] } },
            Category: null as never,
            Unknown: { value: { originalValue: 'x', interpretedValue: 'x', resolvedValues: [] } },
          },
        },
      },
    } as never);
    const out = await askAssistant({ text: 'crimson sneakers under 80', sessionId: 'sess-1' }, null);
    expect(lex.commandCalls(RecognizeTextCommand)[0]!.args[0].input).toEqual({
      botId: 'BOT123',
      botAliasId: 'ALIAS1',
      localeId: 'en_US',
      sessionId: 'sess-1',
      text: 'crimson sneakers under 80',
    });
    expect(out).toMatchObject({ intent: 'ProductSearch', source: 'lex', sessionId: 'sess-1' });
  });

  it('treats an unknown intent as the fallback intent', async () => {
    lex.on(RecognizeTextCommand).resolves({ sessionState: { intent: { name: 'SomethingElse', slots: {} } } } as never);
    expect(await askAssistant({ text: 'hmm', sessionId: 'sess-2' }, null)).toMatchObject({ intent: 'FallbackIntent', source: 'lex' });
  });

  it.each([
    ['throttling', () => lex.on(RecognizeTextCommand).rejects(Object.assign(new Error('slow'), { name: 'ThrottlingException' }))],
    ['an error', () => lex.on(RecognizeTextCommand).rejects(new Error('ResourceNotFoundException'))],
    ['a timeout', () => lex.on(RecognizeTextCommand).callsFake(() => new Promise(() => undefined))],
  ])('falls back to the local parser on %s', async (_, arrange) => {
    arrange();
    const out = await askAssistant({ text: 'stores near Seattle' }, null);
    expect(out).toMatchObject({ intent: 'StoreFinder', source: 'local' });
    expect(out.sessionId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
