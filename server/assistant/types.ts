import type { ProductSummary } from '../catalog/types';
import type { StoreWithDistance } from '../locations';
import type { Money } from '../money';
import type { IntentName, SlotName } from './bot-definition';

export type Slots = Partial<Record<SlotName, string>>;

/** What either engine (Lex or the local parser) understood. */
export type Recognition = { intent: IntentName; slots: Slots; source: 'lex' | 'local' };

export type AssistantOrder = { id: string; status: string; createdAt: string; total: Money; firstItemName?: string; itemCount?: number };
export type AssistantStore = Pick<StoreWithDistance, 'id' | 'name' | 'address' | 'distanceKm' | 'hours'>;

export type AssistantReply = {
  reply: string;
  intent: IntentName;
  sessionId: string;
  source: 'lex' | 'local';
  products?: ProductSummary[];
  orders?: AssistantOrder[];
  stores?: AssistantStore[];
};
