export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'unknown';

/** Brand from the issuer prefix (IIN ranges); stored on the order with the last four digits and nothing else. */
export function cardBrand(digits: string): CardBrand {
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|2(2[2-9][1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720))/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^(6011|65|64[4-9])/.test(digits)) return 'discover';
  return 'unknown';
}
