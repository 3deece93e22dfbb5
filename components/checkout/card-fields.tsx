'use client';

import { type Ref, useId, useImperativeHandle } from 'react';
import { apiRequest } from '@/components/api/api-request';
import { describedBy, FormField } from '@/components/forms/form-field';
import styles from './checkout.module.css';

// The payment step's card fields: a small island that hands the card straight to the processor's origin (POST
// /v1/tokens, allowed by the checkout page's connect-src and nothing else) and gives the checkout form only the
// token. The inputs have no `name`, so no form submission, before or after hydration, can carry them to the shop
// (docs/payments.md, PCI scope).

export type CardFieldName = 'cardNumber' | 'expMonth' | 'expYear' | 'cvc';
export const CARD_FIELD_LABELS: Record<CardFieldName, string> = {
  cardNumber: 'Card number',
  expMonth: 'Expiry month',
  expYear: 'Expiry year',
  cvc: 'Security code (CVC)',
};

export type Tokenised = { ok: true; token: string } | { ok: false; errors: Partial<Record<CardFieldName, string>>; message?: string };
export type CardFieldsHandle = { tokenise: () => Promise<Tokenised>; fieldId: (name: CardFieldName) => string };

// The processor's error codes (local/payments-sandbox; Stripe's card errors use the same names) → the field to fix.
const FIELD_BY_CODE: Record<string, CardFieldName> = {
  incorrect_number: 'cardNumber',
  invalid_expiry: 'expMonth',
  expired_card: 'expYear',
  incorrect_cvc: 'cvc',
};

export function CardFields({
  processorUrl,
  errors,
  handle,
}: {
  processorUrl: string;
  errors: Partial<Record<CardFieldName, string>>;
  handle: Ref<CardFieldsHandle>;
}) {
  const base = useId();
  const fieldId = (name: CardFieldName) => `${base}-${name}`;
  const years = Array.from({ length: 16 }, (_, i) => new Date().getFullYear() + i);

  useImperativeHandle(handle, () => ({
    fieldId,
    async tokenise() {
      // Read from the controls at the moment of paying; no React state holds the card.
      const read = (name: CardFieldName) => ((document.getElementById(fieldId(name)) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '').trim();
      const values = { cardNumber: read('cardNumber'), expMonth: read('expMonth'), expYear: read('expYear'), cvc: read('cvc') };
      const missing: Partial<Record<CardFieldName, string>> = {};
      for (const name of Object.keys(CARD_FIELD_LABELS) as CardFieldName[]) {
        if (!values[name]) missing[name] = `Enter your ${CARD_FIELD_LABELS[name].toLowerCase()}`;
      }
      if (Object.keys(missing).length > 0) return { ok: false, errors: missing };
      const answer = await apiRequest<{ id: string }>(`${processorUrl}/v1/tokens`, {
        body: { number: values.cardNumber, expMonth: Number(values.expMonth), expYear: Number(values.expYear), cvc: values.cvc },
      });
      if (answer.ok) return { ok: true, token: answer.data.id };
      if (answer.status === 0) return { ok: false, errors: {}, message: 'We could not reach the payment processor. Check your connection and try again.' };
      const field = FIELD_BY_CODE[answer.code];
      return field ? { ok: false, errors: { [field]: answer.message } } : { ok: false, errors: {}, message: answer.message };
    },
  }));

  return (
    <fieldset className={styles.fieldset}>
      <legend>Payment</legend>
      <p className={styles.test}>
        Test mode: use 4242 4242 4242 4242 with any future expiry and any 3-digit code, or 4000 0027 6000 3184 to try 3-D Secure. Your card goes straight to the
        payment processor; the shop never sees it.
      </p>
      <FormField
        id={fieldId('cardNumber')}
        label={CARD_FIELD_LABELS.cardNumber}
        autoComplete="cc-number"
        inputMode="numeric"
        maxLength={23}
        spellCheck={false}
        error={errors.cardNumber}
      />
      <div className={styles.grid2}>
        <FormField id={fieldId('expMonth')} label={CARD_FIELD_LABELS.expMonth} error={errors.expMonth}>
          <select
            id={fieldId('expMonth')}
            autoComplete="cc-exp-month"
            defaultValue=""
            aria-invalid={errors.expMonth ? true : undefined}
            aria-describedby={describedBy(fieldId('expMonth'), errors.expMonth)}
          >
            <option value="">MM</option>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <option key={m} value={m}>
                {String(m).padStart(2, '0')}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={fieldId('expYear')} label={CARD_FIELD_LABELS.expYear} error={errors.expYear}>
          <select
            id={fieldId('expYear')}
            autoComplete="cc-exp-year"
            defaultValue=""
            aria-invalid={errors.expYear ? true : undefined}
            aria-describedby={describedBy(fieldId('expYear'), errors.expYear)}
          >
            <option value="">YYYY</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={fieldId('cvc')} label={CARD_FIELD_LABELS.cvc} autoComplete="cc-csc" inputMode="numeric" maxLength={4} error={errors.cvc} />
      </div>
    </fieldset>
  );
}
