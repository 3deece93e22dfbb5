import { RecognizeTextCommand, type RecognizeTextCommandOutput } from '@aws-sdk/client-lex-runtime-v2';
import { lexClient } from '../platform/aws/clients';
import { INTENTS, type IntentName, type SlotName } from './bot-definition';
import type { Slots } from './contract';

// Amazon Lex V2, operations only: RecognizeText in, intent name and interpreted slot values out. Lex only
// recognises; the BFF fulfils (fulfil.ts), so the bot needs no Lambda code hook.

const KNOWN_INTENTS = new Set<string>(INTENTS.map((i) => i.name));
const KNOWN_SLOTS = new Set<string>(INTENTS.flatMap((i) => i.slots.map((s) => s.name)));

export function mapRecognition(out: RecognizeTextCommandOutput): { intent: IntentName; slots: Slots } {
  const intent = out.sessionState?.intent;
  const name = intent?.name && KNOWN_INTENTS.has(intent.name) ? (intent.name as IntentName) : 'FallbackIntent';
  const slots: Slots = {};
  for (const [slot, value] of Object.entries(intent?.slots ?? {})) {
    const interpreted = value?.value?.interpretedValue ?? value?.value?.originalValue;
    if (KNOWN_SLOTS.has(slot) && interpreted) slots[slot as SlotName] = interpreted;
  }
  return { intent: name, slots };
}

export async function recognizeTextLex(
  bot: { botId: string; botAliasId: string; localeId: string },
  sessionId: string,
  text: string,
  abortSignal: AbortSignal,
): Promise<{ intent: IntentName; slots: Slots }> {
  const out = await lexClient().send(new RecognizeTextCommand({ ...bot, sessionId, text }), { abortSignal });
  return mapRecognition(out);
}
