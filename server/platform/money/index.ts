// The one money type: integer minor units plus an ISO currency. Never floats.
export type Currency = 'USD';
export type Money = { amount: number; currency: Currency };

export const STORE_CURRENCY: Currency = 'USD';

export function money(amount: number, currency: Currency = STORE_CURRENCY): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Money amount must be an integer, got ${amount}`);
  return { amount, currency };
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new RangeError(`Cannot add ${a.currency} to ${b.currency}`);
  return money(a.amount + b.amount, a.currency);
}

export function multiplyMoney(a: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) throw new RangeError('Quantity must be an integer');
  return money(a.amount * quantity, a.currency);
}

export function sumMoney(values: Money[], currency: Currency = STORE_CURRENCY): Money {
  return values.reduce((acc, v) => addMoney(acc, v), money(0, currency));
}

/** Rate in basis points (825 = 8.25%), rounded half up to the minor unit. */
export function percentOf(a: Money, basisPoints: number): Money {
  return money(Math.round((a.amount * basisPoints) / 10_000), a.currency);
}

const formatters = new Map<string, Intl.NumberFormat>();
export function formatMoney(m: Money, locale = 'en-US'): string {
  const key = `${locale}:${m.currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency });
    formatters.set(key, f);
  }
  return f.format(m.amount / 100);
}
