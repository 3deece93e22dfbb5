// The shop's own guardrail on a model's reply (issue 32): every price and stock figure a shopper is shown must come
// from a tool result of this conversation turn. A model can misread, round, or invent ("only $9.99 today!"); the
// shop cannot let it quote a price the checkout will not honour. So the reply's money amounts and stock counts are
// read back out of its text and each must equal a figure the tools answered (a Money `amount`, or a variant's
// `available` units). Anything else and the reply is refused: the shopper gets the tool results as cards instead.

/**
 * The figures the tools answered this turn: Money amounts (minor units), units in stock, and other counts (a cart's
 * items, a search's total, a product's reviews). A reply may say "6 in stock" only for a stock figure: a search that
 * found 6 products is no evidence of 6 units on the shelf.
 */
export type KnownFigures = { amounts: Set<number>; stock: Set<number>; counts: Set<number> };

const STOCK_KEYS = new Set(['available', 'availableQuantity']);
const COUNT_KEYS = new Set(['itemCount', 'quantity', 'total', 'reviewCount', 'productCount']);

/** Walks tool results and collects every Money amount and every count a reply might quote. */
export function knownFigures(results: unknown[]): KnownFigures {
  const figures: KnownFigures = { amounts: new Set(), stock: new Set(), counts: new Set() };
  const visit = (value: unknown, key: string | undefined): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v, key);
      return;
    }
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'number' && key !== undefined && STOCK_KEYS.has(key)) figures.stock.add(value);
      if (typeof value === 'number' && key !== undefined && COUNT_KEYS.has(key)) figures.counts.add(value);
      return;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.amount === 'number' && typeof record.currency === 'string') figures.amounts.add(record.amount);
    for (const [k, v] of Object.entries(record)) visit(v, k);
  };
  for (const r of results) visit(r, undefined);
  return figures;
}

// "$34.50", "$ 1,299", "USD 12.00", "34.50 USD", "34 dollars".
const MONEY = /(?:\$|US\$|USD)\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?|(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s?(?:USD|dollars?|bucks)\b/gi;
// Stock: "6 in stock", "only 3 left", "4 available". Counts: "2 units", "12 items", "3 pieces" (a cart's or an
// order's quantities as well as stock).
const STOCK = /\b(\d+)\s+(?:left|remaining|available|in stock)\b/gi;
const COUNT = /\b(\d+)\s+(?:units?|items?|pieces?)\b/gi;

function toMinor(whole: string, fraction: string | undefined): number {
  return Number(whole.replace(/,/g, '')) * 100 + (fraction ? Number(fraction.padEnd(2, '0')) : 0);
}

export type FigureCheck = { ok: true } | { ok: false; unsupported: string[] };

/** Whether every money amount and stock count in `text` is one the tools answered. */
export function checkFigures(text: string, known: KnownFigures): FigureCheck {
  const unsupported: string[] = [];
  for (const m of text.matchAll(MONEY)) {
    const whole = m[1] ?? m[3];
    if (!whole) continue;
    const amount = toMinor(whole, m[1] ? m[2] : m[4]);
    if (!known.amounts.has(amount)) unsupported.push(m[0].trim());
  }
  for (const m of text.matchAll(STOCK)) {
    if (!known.stock.has(Number(m[1]))) unsupported.push(m[0].trim());
  }
  for (const m of text.matchAll(COUNT)) {
    const n = Number(m[1]);
    if (!known.stock.has(n) && !known.counts.has(n)) unsupported.push(m[0].trim());
  }
  return unsupported.length ? { ok: false, unsupported } : { ok: true };
}
