import { randomBytes } from 'node:crypto';

/**
 * `ord_` + milliseconds in base36 (fixed width, so string order is time order until the year 5188) + random.
 * The orders sort key is this id, so a descending Query lists newest first without an index.
 */
export function newOrderId(now = Date.now()): string {
  return `ord_${now.toString(36).padStart(9, '0')}${randomBytes(6).toString('base64url').replace(/[-_]/g, 'x')}`;
}

export const ORDER_ID_PATTERN = /^ord_[0-9a-z]{9}[A-Za-z0-9]{8}$/;
