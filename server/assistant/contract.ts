import type { ProductSummary } from '../catalog/contract';
import type { StoreWithDistance } from '../locations';
import type { Money } from '../platform/money';
import type { IntentName, SlotName } from './bot-definition';

export type Slots = Partial<Record<SlotName, string>>;

/** What either engine (Lex or the local parser) understood. */
export type Recognition = { intent: IntentName; slots: Slots; source: 'lex' | 'local' };

export type AssistantOrder = { id: string; number: string; status: string; createdAt: string; total: Money; firstItemName?: string; itemCount?: number };
export type AssistantStore = Pick<StoreWithDistance, 'id' | 'name' | 'address' | 'distanceKm' | 'hours'>;

export type AssistantReply = {
  reply: string;
  /** What the local engine or Lex recognised; 'Conversation' when the Bedrock model answered. */
  intent: IntentName | 'Conversation';
  sessionId: string;
  source: 'lex' | 'local' | 'bedrock';
  /** Cards: always built from tool results, never from the model's text. */
  products?: ProductSummary[];
  orders?: AssistantOrder[];
  stores?: AssistantStore[];
  /** After a cart tool: where the shopper checks out (agents never place orders). */
  checkoutUrl?: string;
  /** The model's reply quoted a figure no tool answered and was replaced (figure-check.ts). */
  refused?: true;
};
