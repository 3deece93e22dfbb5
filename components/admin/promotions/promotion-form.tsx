'use client';

import { useId, useState } from 'react';
import { type CategoryChoice, CategoryPicker } from '@/components/admin/category-picker';
import { parseAmount } from '@/components/admin/orders/parse-amount';
import type { FieldErrors } from '@/components/api/api-request';
import { FormField } from '@/components/forms/form-field';
import { formatMoney } from '@/server/platform/money';
import type { Promotion } from '@/server/promotions';
import styles from './promotions-admin.module.css';

// Create and edit a promotion. Marketers type dollars and dates and pick categories by name; the body the API
// takes is built here, and its per-field errors (details[].path) come back next to their inputs.

export type PromotionBody = Record<string, unknown>;

const dollars = (cents: number | undefined | null) => (cents ? formatMoney({ amount: cents, currency: 'USD' }).replace('$', '').replace(/,/g, '') : '');
const toLocal = (iso: string | null | undefined) => (iso ? iso.slice(0, 16) : '');
const fromLocal = (value: string) => (value ? new Date(`${value}:00Z`).toISOString() : null);
const list = (text: string) => {
  const items = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  return items.length > 0 ? items : null;
};
const count = (text: string) => (text.trim() === '' ? null : Number(text));

export function PromotionForm({
  initial,
  categories,
  errors,
  busy,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: Promotion;
  categories: CategoryChoice[];
  errors: FieldErrors;
  busy: boolean;
  submitLabel: string;
  onSubmit: (body: PromotionBody) => void;
  onCancel?: () => void;
}) {
  const id = useId();
  const [kind, setKind] = useState(initial?.kind ?? 'percent');
  const [localError, setLocalError] = useState<FieldErrors>({});
  const shown = { ...errors, ...localError };

  function submit(form: FormData) {
    const text = (name: string) => String(form.get(name) ?? '');
    const problems: FieldErrors = {};
    let value = 0;
    if (kind === 'percent') value = Number(text('value'));
    if (kind === 'amount') {
      const cents = parseAmount(text('value'));
      if (cents === null) problems.value = 'Enter an amount such as 10 or 12.50';
      value = cents ?? 0;
    }
    const minText = text('minSubtotal').trim();
    const min = minText ? parseAmount(minText) : null;
    if (minText && min === null) problems.minSubtotal = 'Enter an amount such as 50, or leave it empty';
    setLocalError(problems);
    if (Object.keys(problems).length > 0) return;
    const methods = form.getAll('shippingMethods').map(String);
    onSubmit({
      ...(initial ? {} : { code: text('code') }),
      description: text('description'),
      kind,
      value,
      minSubtotal: min === null ? null : { amount: min, currency: 'USD' },
      startsAt: fromLocal(text('startsAt')),
      endsAt: fromLocal(text('endsAt')),
      usageLimit: count(text('usageLimit')),
      perCustomerLimit: count(text('perCustomerLimit')),
      categories: list(text('categories')),
      shippingMethods: kind === 'free-shipping' && methods.length > 0 ? methods : null,
      automatic: form.get('automatic') === 'on',
      active: form.get('active') === 'on',
    });
  }

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        submit(new FormData(e.currentTarget));
      }}
      noValidate
    >
      {initial ? null : (
        <FormField
          id={`${id}-code`}
          name="code"
          label="Code"
          hint="Letters, digits, - or _, such as SPRING15. Shoppers may type it in any case."
          error={shown.code}
          required
        />
      )}
      <FormField
        id={`${id}-description`}
        name="description"
        label="Description (shoppers see it)"
        defaultValue={initial?.description}
        error={shown.description}
        required
      />
      <FormField id={`${id}-kind`} label="Kind" error={shown.kind}>
        <select id={`${id}-kind`} name="kind" value={kind} onChange={(e) => setKind(e.target.value as Promotion['kind'])}>
          <option value="percent">Percent off</option>
          <option value="amount">Amount off</option>
          <option value="free-shipping">Free shipping</option>
        </select>
      </FormField>
      {kind === 'free-shipping' ? (
        <fieldset className={styles.fieldset}>
          <legend>Free for these methods (none ticked: every method)</legend>
          {['standard', 'express'].map((m) => (
            <label key={m} className={styles.check}>
              <input type="checkbox" name="shippingMethods" value={m} defaultChecked={initial?.shippingMethods?.includes(m)} />{' '}
              {m[0]!.toUpperCase() + m.slice(1)}
            </label>
          ))}
        </fieldset>
      ) : (
        <FormField
          id={`${id}-value`}
          name="value"
          label={kind === 'percent' ? 'Percent off (1–100)' : 'Amount off, in dollars'}
          inputMode="decimal"
          defaultValue={initial ? (initial.kind === 'amount' ? dollars(initial.value) : initial.kind === 'percent' ? String(initial.value) : '') : ''}
          error={shown.value}
          required
        />
      )}
      <FormField
        id={`${id}-min`}
        name="minSubtotal"
        label="Minimum subtotal, in dollars (optional)"
        inputMode="decimal"
        defaultValue={dollars(initial?.minSubtotal?.amount)}
        error={shown.minSubtotal}
      />
      <FormField
        id={`${id}-starts`}
        name="startsAt"
        type="datetime-local"
        label="Starts (UTC, optional)"
        defaultValue={toLocal(initial?.startsAt)}
        error={shown.startsAt}
      />
      <FormField
        id={`${id}-ends`}
        name="endsAt"
        type="datetime-local"
        label="Ends (UTC, optional)"
        defaultValue={toLocal(initial?.endsAt)}
        error={shown.endsAt}
      />
      <FormField
        id={`${id}-usage`}
        name="usageLimit"
        type="number"
        min={1}
        label="Total uses (empty: no limit)"
        defaultValue={initial?.usageLimit ?? ''}
        error={shown.usageLimit}
      />
      <FormField
        id={`${id}-per-customer`}
        name="perCustomerLimit"
        type="number"
        min={1}
        label="Uses per customer (empty: no limit)"
        defaultValue={initial?.perCustomerLimit ?? ''}
        error={shown.perCustomerLimit}
      />
      <CategoryPicker
        id={`${id}-categories`}
        name="categories"
        label="Categories (none: every product)"
        categories={categories}
        initial={initial?.categories ?? []}
        multiple
        error={shown.categories}
      />
      <label className={styles.check}>
        <input type="checkbox" name="automatic" defaultChecked={initial?.automatic ?? false} /> Automatic: applies to everyone without a code
      </label>
      <label className={styles.check}>
        <input type="checkbox" name="active" defaultChecked={initial?.active ?? true} /> Active
      </label>
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
