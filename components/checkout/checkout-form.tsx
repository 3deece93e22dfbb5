'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useRef, useState } from 'react';
import { announceCartChange } from '@/components/cart/cart-api';
import { ErrorSummary, type SummaryProblem } from '@/components/forms/error-summary';
import { describedBy, FieldError, FormField } from '@/components/forms/form-field';
import { DeliveryEstimate } from '@/components/stores/delivery-estimate';
import { formatMoney } from '@/server/money';
import styles from './checkout.module.css';
import type { CountryOption, QuoteView } from './checkout-types';
import { newIdempotencyKey } from './idempotency-key';
import { OrderReview } from './order-review';
import { placeOrderRequest } from './place-order-request';
import { defaultSavedAddress, SaveAddressOption, type SavedAddress, SavedAddressPicker, saveAddressIfAsked } from './saved-addresses';
import { toQuoteView, useCheckoutQuote } from './use-checkout-quote';

const FIELD_LABELS: Record<string, string> = {
  name: 'Full name',
  line1: 'Address line 1',
  line2: 'Address line 2',
  city: 'City',
  region: 'State or region',
  postalCode: 'Postal code',
  country: 'Country',
  shippingMethod: 'Shipping method',
  cardNumber: 'Card number',
  expMonth: 'Expiry month',
  expYear: 'Expiry year',
  cvc: 'Security code',
};

/** Required-field checks only; formats, stock, totals and the card are the server's call. */
function missingFields(form: FormData, needsRegion: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const name of ['name', 'line1', 'city', 'postalCode', 'cardNumber', 'expMonth', 'expYear', 'cvc']) {
    if (!String(form.get(name) ?? '').trim()) errors[name] = `Enter your ${FIELD_LABELS[name]?.toLowerCase()}`;
  }
  if (needsRegion && !String(form.get('region') ?? '')) errors.region = 'Choose your state or province';
  return errors;
}

export function CheckoutForm({
  initialQuote,
  countries,
  defaultName,
  savedAddresses = [],
}: {
  initialQuote: QuoteView;
  countries: CountryOption[];
  defaultName: string;
  /** The signed-in shopper's address book (saved-addresses.tsx); the default fills the fields. */
  savedAddresses?: SavedAddress[];
}) {
  const router = useRouter();
  const base = useId();
  const id = (name: string) => `${base}-${name}`;
  const [picked, setPicked] = useState(defaultSavedAddress(savedAddresses));
  const [country, setCountry] = useState(picked?.country ?? countries[0]?.code ?? 'US');
  const [region, setRegion] = useState(picked?.region ?? '');
  const [shippingMethod, setShippingMethod] = useState('standard');
  const [postalCode, setPostalCode] = useState(picked?.postalCode ?? '');
  function pick(address: SavedAddress | undefined) {
    setPicked(address);
    setCountry(address?.country ?? countries[0]?.code ?? 'US');
    setRegion(address?.region ?? '');
    setPostalCode(address?.postalCode ?? '');
  }
  const rule = countries.find((c) => c.code === country) ?? countries[0];
  // The quote checks a US state against its ZIP code, so it gets the ZIP once it is complete (not every keystroke).
  const quotedPostalCode = country === 'US' && /^\d{5}(-\d{4})?$/.test(postalCode.trim()) ? postalCode.trim() : '';
  const {
    quote,
    fieldErrors: quoteErrors,
    loading,
    replace: replaceQuote,
  } = useCheckoutQuote(initialQuote, { country, region, postalCode: quotedPostalCode, shippingMethod });
  const [submitErrors, setErrors] = useState<Record<string, string>>({});
  const errors: Record<string, string> = { ...quoteErrors, ...submitErrors };
  const [problems, setProblems] = useState<SummaryProblem[]>([]);
  const [stockProblem, setStockProblem] = useState(false);
  const [pending, setPending] = useState(false);
  // One key per attempt, kept across a double click or a retry after a dropped connection; a new key only once the
  // server has given a definite "no" (the shopper will change something and try again).
  const attemptKey = useRef<string | null>(null);

  const years = Array.from({ length: 16 }, (_, i) => new Date().getFullYear() + i);

  function show(fieldErrors: Record<string, string>, formMessage?: string) {
    setErrors(fieldErrors);
    const list: SummaryProblem[] = Object.entries(fieldErrors).map(([name, message]) => ({
      fieldId: id(name),
      message: `${FIELD_LABELS[name] ?? name}: ${message}`,
    }));
    if (formMessage) list.unshift({ message: formMessage });
    setProblems(list);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const missing = missingFields(form, Boolean(rule?.regions));
    setStockProblem(false);
    if (Object.keys(missing).length > 0) return show(missing);

    const body = {
      shippingAddress: {
        name: form.get('name'),
        line1: form.get('line1'),
        line2: form.get('line2') || undefined,
        city: form.get('city'),
        region: form.get('region') ?? '',
        postalCode: form.get('postalCode'),
        country,
      },
      shippingMethod,
      payment: { cardNumber: form.get('cardNumber'), expMonth: Number(form.get('expMonth')), expYear: Number(form.get('expYear')), cvc: form.get('cvc') },
      // The total on the screen: the server charges it only if the cart still costs exactly that (else CART_CHANGED).
      expectedTotal: quote.totals?.total,
    };
    attemptKey.current ??= newIdempotencyKey();
    setPending(true);
    const answer = await placeOrderRequest(body, attemptKey.current);
    if (answer.ok) {
      await saveAddressIfAsked(form, body.shippingAddress);
      announceCartChange(0);
      router.push(`/orders/${encodeURIComponent(answer.orderId)}?placed=1`);
      return;
    }
    setPending(false);
    if (answer.status !== 0 && answer.status < 500) attemptKey.current = null;
    if (answer.code === 'PAYMENT_DECLINED') return show({ cardNumber: answer.message }, 'Your payment was not accepted. No order was placed.');
    if (answer.code === 'CART_CHANGED' && answer.changedQuote) {
      // Nothing was charged or written: the review now shows the order as it stands, and the button its new total.
      replaceQuote(toQuoteView(answer.changedQuote));
      const total = answer.changedQuote.totals ? ` The total is now ${formatMoney(answer.changedQuote.totals.total)}.` : '';
      return show(
        {},
        `Your cart changed since you reviewed it (perhaps in another tab).${total} Nothing was charged. Check the order summary, then place your order again.`,
      );
    }
    if (answer.code === 'OUT_OF_STOCK') {
      setStockProblem(true);
      return show({}, answer.message);
    }
    show(answer.fieldErrors, Object.keys(answer.fieldErrors).length > 0 ? undefined : answer.message);
  }

  return (
    <div className={styles.layout}>
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        <ErrorSummary problems={problems}>
          {stockProblem ? (
            <p>
              <Link href="/cart">Update your cart</Link>
            </p>
          ) : null}
        </ErrorSummary>

        {/* Keyed by the picked address, so its uncontrolled fields start again from that address's values. */}
        <fieldset className={styles.fieldset} key={picked?.id ?? 'new'}>
          <legend>Shipping address</legend>
          <SavedAddressPicker id={id('savedAddress')} addresses={savedAddresses} selected={picked?.id ?? ''} onSelect={pick} />
          <FormField
            id={id('name')}
            name="name"
            label="Full name"
            autoComplete="name"
            maxLength={100}
            defaultValue={picked?.name ?? defaultName}
            error={errors.name}
          />
          <FormField
            id={id('line1')}
            name="line1"
            label="Address line 1"
            autoComplete="address-line1"
            maxLength={200}
            defaultValue={picked?.line1}
            error={errors.line1}
          />
          <FormField
            id={id('line2')}
            name="line2"
            label="Address line 2 (optional)"
            autoComplete="address-line2"
            maxLength={200}
            defaultValue={picked?.line2}
            error={errors.line2}
          />
          <div className={styles.grid2}>
            <FormField id={id('city')} name="city" label="City" autoComplete="address-level2" maxLength={100} defaultValue={picked?.city} error={errors.city} />
            <FormField id={id('country')} label="Country" error={errors.country}>
              <select
                id={id('country')}
                name="country"
                autoComplete="country"
                value={country}
                aria-invalid={errors.country ? true : undefined}
                aria-describedby={describedBy(id('country'), errors.country)}
                onChange={(e) => {
                  setCountry(e.target.value);
                  setRegion('');
                }}
              >
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </FormField>
          </div>
          <div className={styles.grid2}>
            {rule?.regions ? (
              <FormField id={id('region')} label={rule.regionLabel} error={errors.region}>
                <select
                  id={id('region')}
                  name="region"
                  autoComplete="address-level1"
                  value={region}
                  aria-invalid={errors.region ? true : undefined}
                  aria-describedby={describedBy(id('region'), errors.region)}
                  onChange={(e) => setRegion(e.target.value)}
                >
                  <option value="">Choose…</option>
                  {rule.regions.map(([code, name]) => (
                    <option key={code} value={code}>
                      {name}
                    </option>
                  ))}
                </select>
              </FormField>
            ) : (
              <FormField
                id={id('region')}
                name="region"
                label={`${rule?.regionLabel ?? 'Region'} (optional)`}
                autoComplete="address-level1"
                maxLength={100}
                value={region}
                onChange={(e) => setRegion(e.target.value)}
                error={errors.region}
              />
            )}
            <FormField
              id={id('postalCode')}
              name="postalCode"
              label={rule?.postalLabel ?? 'Postal code'}
              autoComplete="postal-code"
              maxLength={20}
              value={postalCode}
              onChange={(e) => setPostalCode(e.target.value)}
              error={errors.postalCode}
            />
          </div>
          {picked ? null : <SaveAddressOption id={id('saveAddress')} />}
        </fieldset>

        <fieldset className={styles.fieldset} aria-describedby={describedBy(id('shippingMethod'), errors.shippingMethod)}>
          <legend>Shipping method</legend>
          <div className={styles.methods} id={id('shippingMethod')}>
            {quote.shippingOptions.map((o) => (
              <label key={o.id} className={styles.method}>
                <input type="radio" name="shippingMethod" value={o.id} checked={shippingMethod === o.id} onChange={() => setShippingMethod(o.id)} />
                <span>
                  {o.label} <small>({o.estimate})</small>
                </span>
                <strong>{o.price.amount === 0 ? 'Free' : formatMoney(o.price)}</strong>
              </label>
            ))}
          </div>
          <DeliveryEstimate shippingMethod={shippingMethod} />
          {errors.shippingMethod ? <FieldError id={id('shippingMethod')} message={errors.shippingMethod} /> : null}
        </fieldset>

        <fieldset className={styles.fieldset}>
          <legend>Payment</legend>
          <p className={styles.test}>Test mode: use 4242 4242 4242 4242 with any future expiry and any 3-digit code. Your card number is never stored.</p>
          <FormField
            id={id('cardNumber')}
            name="cardNumber"
            label="Card number"
            autoComplete="cc-number"
            inputMode="numeric"
            maxLength={23}
            spellCheck={false}
            error={errors.cardNumber}
          />
          <div className={styles.grid2}>
            <FormField id={id('expMonth')} label="Expiry month" error={errors.expMonth}>
              <select
                id={id('expMonth')}
                name="expMonth"
                autoComplete="cc-exp-month"
                defaultValue=""
                aria-invalid={errors.expMonth ? true : undefined}
                aria-describedby={describedBy(id('expMonth'), errors.expMonth)}
              >
                <option value="">MM</option>
                {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
                  <option key={m} value={m}>
                    {String(m).padStart(2, '0')}
                  </option>
                ))}
              </select>
            </FormField>
            <FormField id={id('expYear')} label="Expiry year" error={errors.expYear}>
              <select
                id={id('expYear')}
                name="expYear"
                autoComplete="cc-exp-year"
                defaultValue=""
                aria-invalid={errors.expYear ? true : undefined}
                aria-describedby={describedBy(id('expYear'), errors.expYear)}
              >
                <option value="">YYYY</option>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </FormField>
            <FormField id={id('cvc')} name="cvc" label="Security code (CVC)" autoComplete="cc-csc" inputMode="numeric" maxLength={4} error={errors.cvc} />
          </div>
        </fieldset>

        <div>
          {/* Not while a new quote is on its way: the total sent must be the total shown. */}
          <button type="submit" className="button" disabled={pending || loading}>
            {pending ? 'Placing your order…' : `Place order${quote.totals ? ` · ${formatMoney(quote.totals.total)}` : ''}`}
          </button>
        </div>
      </form>
      <OrderReview quote={quote} loading={loading} shippingMethod={shippingMethod} />
    </div>
  );
}
