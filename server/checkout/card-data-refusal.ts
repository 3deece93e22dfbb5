import { containsCardNumber } from '../payments';
import { AppError } from '../platform/errors';

// Card data never enters the shop (PCI scope, docs/payments.md): a checkout body that carries any is refused before
// anything reads it further, and the refusal names no value. Card fields by name (payment.cardNumber and the rest),
// and anywhere in the body a run of 13–19 digits that passes the Luhn check (a card number typed into the wrong
// field, spaces or dashes included).

const CARD_FIELDS = new Set(['cardnumber', 'number', 'pan', 'cvc', 'cvv', 'cvv2', 'expmonth', 'expyear', 'exp', 'expiry', 'card']);
export function refuseCardData(body: unknown): void {
  const payment = typeof body === 'object' && body !== null ? (body as { payment?: unknown }).payment : undefined;
  const cardField = typeof payment === 'object' && payment !== null && Object.keys(payment).some((k) => CARD_FIELDS.has(k.toLowerCase()));
  if (cardField || containsCardNumber(body)) {
    throw new AppError(
      'CARD_DATA_NOT_ACCEPTED',
      'Card details are not accepted here: the card goes to the payment processor, and checkout takes its token as payment: { token }.',
    );
  }
}
