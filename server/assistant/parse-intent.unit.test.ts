import { describe, expect, it } from 'vitest';
import { INTENTS, type IntentName, SLOT_TYPES } from './bot-definition';
import type { Slots } from './contract';
import { parseIntent } from './parse-intent';

// The local parser is held to the bot definition: every sample utterance (slots filled with example values) must
// give its intent, and a hand-written table checks the slots a shopper would notice.

const examples: Record<string, string> = { OrderId: 'ord_0k2m4p6r8AbCdEfGh', Colour: 'red', MaxPrice: '80', Category: 'running shoes', Place: 'Seattle' };

const fromDefinition = INTENTS.flatMap((intent) =>
  intent.sampleUtterances.map((u) => [u.replace(/\{(\w+)\}/g, (_, slot: string) => examples[slot] ?? slot), intent.name] as const),
);

describe('intent parser against the bot definition', () => {
  it('has at least 40 sample utterances', () => {
    expect(fromDefinition.length).toBeGreaterThanOrEqual(40);
  });
  it.each(fromDefinition)('"%s" is %s', (utterance, intent) => {
    expect(parseIntent(utterance).intent).toBe(intent);
  });
  it('defines every custom slot type an intent uses (Lex rejects a slot whose type is missing)', () => {
    const defined = new Set(SLOT_TYPES.map((t) => t.name));
    const used = INTENTS.flatMap((i) => i.slots.map((s) => s.slotType)).filter((t) => !t.startsWith('AMAZON.'));
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((t) => !defined.has(t))).toEqual([]);
  });
});

const table: [string, IntentName, Slots][] = [
  ['find red running shoes under $80', 'ProductSearch', { Colour: 'red', MaxPrice: '80', Category: 'running-shoes' }],
  ['Find RED running shoes under 80 dollars', 'ProductSearch', { Colour: 'red', MaxPrice: '80', Category: 'running-shoes' }],
  ['navy hoodie below $45.50', 'ProductSearch', { Colour: 'navy', MaxPrice: '45.50', Category: 'hoodies' }],
  ['gray t-shirts', 'ProductSearch', { Colour: 'grey', Category: 't-shirts' }],
  ['sky blue backpack', 'ProductSearch', { Colour: 'sky blue', Category: 'backpacks' }],
  ['do you sell board games', 'ProductSearch', { Category: 'board-games' }],
  ['earbuds less than $100', 'ProductSearch', { MaxPrice: '100', Category: 'headphones' }],
  ['stores near Seattle', 'StoreFinder', { Place: 'Seattle' }],
  ['Is there a store in Portland, OR?', 'StoreFinder', { Place: 'Portland, OR' }],
  ['nearest shop to 94105', 'StoreFinder', { Place: '94105' }],
  ['find a store', 'StoreFinder', {}],
  ['where is my order', 'OrderStatus', {}],
  ["Where's my order ord_0k2m4p6r8AbCdEfGh?", 'OrderStatus', { OrderId: 'ord_0k2m4p6r8AbCdEfGh' }],
  ['has my package shipped yet', 'OrderStatus', {}],
  ['hello', 'Help', {}],
  ['what can you do?', 'Help', {}],
  ['tell me a joke about penguins', 'FallbackIntent', {}],
  ['asdfghjkl', 'FallbackIntent', {}],
];

describe('intent and slot extraction', () => {
  it.each(table)('"%s" → %s %j', (utterance, intent, slots) => {
    expect(parseIntent(utterance)).toEqual({ intent, slots });
  });
});
