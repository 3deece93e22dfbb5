import { CATEGORY_SYNONYMS, COLOURS, type IntentName } from './bot-definition';
import type { Slots } from './contract';

// The local engine: a rule-based intent and slot parser for the intents in bot-definition.ts. Rules are checked
// in order of how specific their evidence is: an order question names orders or parcels; a store question names
// stores; a product search names a category, a colour, a price or a shopping verb; then greetings and help.

const norm = (text: string) => text.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ').trim();

// An order id, or the human order number (`TT-4KQ7PX`, any case, dash optional).
const ORDER_ID = /\b(ord_[0-9a-z]{9}[A-Za-z0-9]{8}|TT-?[2-9A-HJKMNP-TV-Z]{6})\b/i;
const ORDER_WORDS = /\b(orders?|package|parcel|shipment|delivery|my stuff)\b/;
const ORDER_QUESTION = /\b(where|track|status|shipped|ship|arrive|arriving|when|recent|show|has|did)\b|where's/;
const STORE_WORDS = /\b(stores?|shops?|locations?|branch(es)?)\b|\bshop in person\b/;
const SHOPPING_VERB = /\b(find|show|search|looking for|buy|want|need|have|recommend|cheap|any)\b/;
const PRICE = /\b(?:under|below|less than|cheaper than|up to|max(?:imum)?|at most)\s*\$?\s*(\d+(?:\.\d{1,2})?)\s*(?:dollars|usd|bucks)?/;
const HELP = /^(help|hi|hello|hey|hi there|hello there)\b|\bwhat can (you do|i ask)|\bhow does this work\b|\bcan you help\b/;
const PLACE = /\b(?:near|in|around|close to|closest to|nearest to|to)\s+([a-z0-9][a-z0-9 ,.'-]*)$/;

const categoryPhrases = Object.entries(CATEGORY_SYNONYMS)
  .flatMap(([slug, words]) => [slug.replace(/-/g, ' '), ...words].map((w) => ({ slug, phrase: w })))
  .sort((a, b) => b.phrase.length - a.phrase.length); // longest first: "running shoes" before "shoes"

function findCategory(text: string): string | undefined {
  return categoryPhrases.find(({ phrase }) => new RegExp(`\\b${phrase.replace(/[-]/g, '[- ]?')}\\b`).test(text))?.slug;
}

function findColour(text: string): string | undefined {
  const colours = [...COLOURS].sort((a, b) => b.length - a.length);
  const hit = colours.find((c) => new RegExp(`\\b${c}\\b`).test(text));
  return hit ?? (/\bgray\b/.test(text) ? 'grey' : undefined);
}

function placeFrom(original: string): string | undefined {
  const m = PLACE.exec(norm(original).replace(/[?.!]+$/, ''));
  if (!m?.[1]) return undefined;
  const place = m[1].replace(/^(the|a)\s+/, '').trim();
  // Keep the shopper's capitalisation for the reply ("Seattle", not "seattle").
  const start = original.toLowerCase().lastIndexOf(place);
  return start >= 0 ? original.slice(start, start + place.length).trim() : place;
}

export function parseIntent(input: string): { intent: IntentName; slots: Slots } {
  const text = norm(input);
  const orderId = ORDER_ID.exec(input)?.[1];
  if (orderId || (ORDER_WORDS.test(text) && ORDER_QUESTION.test(text)) || /^order status\b/.test(text)) {
    return { intent: 'OrderStatus', slots: orderId ? { OrderId: orderId } : {} };
  }
  if (STORE_WORDS.test(text) && !findCategory(text.replace(STORE_WORDS, ''))) {
    const place = placeFrom(input.trim());
    return { intent: 'StoreFinder', slots: place ? { Place: place } : {} };
  }
  const category = findCategory(text);
  const colour = findColour(text);
  const price = PRICE.exec(text)?.[1];
  if (category || colour || price || SHOPPING_VERB.test(text)) {
    if (!HELP.test(text) || category || colour || price) {
      const slots: Slots = {};
      if (colour) slots.Colour = colour;
      if (price) slots.MaxPrice = price;
      if (category) slots.Category = category;
      return { intent: 'ProductSearch', slots };
    }
  }
  if (HELP.test(text)) return { intent: 'Help', slots: {} };
  return { intent: 'FallbackIntent', slots: {} };
}
