import { createHmac } from 'node:crypto';
import type { CartOwner } from './contract';

/** The carts table key (docs/data-model.md, pattern 10). */
export function cartKey(owner: CartOwner): string {
  return owner.kind === 'user' ? `user#${owner.userId}` : `guest#${owner.guestId}`;
}

/**
 * The id shown to clients: derived, so it is stable for an owner yet reveals neither the Cognito sub nor the
 * guest id that, with a signature, is the guest's credential.
 */
export function publicCartId(key: string, secret: string): string {
  return `cart_${createHmac('sha256', secret).update(`cart-id:${key}`).digest('base64url').slice(0, 20)}`;
}
