import type { Message } from '@aws-sdk/client-bedrock-runtime';
import { LRUCache } from 'lru-cache';
import { processSingleton } from '../platform/runtime';

// What the model remembers of a chat between messages: the shopper's words and the replies they were shown, text
// only (tool results are never kept, so every figure is fetched afresh), plus the tokens the conversation has cost.
// Kept in this instance's memory for 30 minutes: a conversation that lands on another Lambda instance starts over,
// which costs context, never correctness. Keyed by the shopper (or "guest") and the session id, so one shopper's
// session id never reads another's conversation.

const MAX_MESSAGES = 12;

type Conversation = { messages: Message[]; tokens: number };

const conversations = processSingleton(
  'assistant:conversations',
  () => new LRUCache<string, Conversation>({ max: 5_000, ttl: 30 * 60 * 1000, updateAgeOnGet: true }),
);

const keyOf = (owner: string | null, sessionId: string) => `${owner ?? 'guest'}:${sessionId}`;

export function readConversation(owner: string | null, sessionId: string): Conversation {
  return conversations.get(keyOf(owner, sessionId)) ?? { messages: [], tokens: 0 };
}

export function recordTurn(owner: string | null, sessionId: string, turn: { text: string; reply: string; tokens: number }): void {
  const before = readConversation(owner, sessionId);
  const messages: Message[] = [...before.messages, { role: 'user', content: [{ text: turn.text }] }, { role: 'assistant', content: [{ text: turn.reply }] }];
  conversations.set(keyOf(owner, sessionId), { messages: messages.slice(-MAX_MESSAGES), tokens: before.tokens + turn.tokens });
}
