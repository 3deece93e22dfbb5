import { randomBytes } from 'node:crypto';

/** Random, so a line id says nothing about another cart and cannot be guessed from a product id. */
export function newLineId(): string {
  return `ln_${randomBytes(9).toString('base64url')}`;
}
