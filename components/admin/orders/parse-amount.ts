// Operators type dollars; the API takes minor units. Exact: digits are read as integers, never through a float.

/** "12.5" → 1250; null for anything that is not a positive amount with at most two decimals. */
export function parseAmount(text: string): number | null {
  const match = /^\s*\$?\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return cents > 0 ? cents : null;
}
