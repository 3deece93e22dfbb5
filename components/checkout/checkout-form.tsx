'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { announceCartChange } from '@/components/cart/cart-api';
import { ErrorSummary, type SummaryProblem } from '@/components/forms/error-summary';
import { describedBy, FieldError, FormField } from '@/components/forms/form-field';
import { shownValue } from '@/components/forms/shown-value';
import { DeliveryEstimate, type NearStore } from '@/components/stores/delivery-estimate';
import { RETURN_WINDOW_DAYS } from '@/server/orders/contract';
import { formatMoney } from '@/server/platform/money';
import { CARD_FIELD_LABELS, type CardFieldName, CardFields, type CardFieldsHandle } from './card-fields';
import styles from './checkout.module.css';
import type { CountryOption, QuoteView } from './checkout-types';
import { newIdempotencyKey } from './idempotency-key';
import { CollapsibleOrderSummary, OrderReview } from './order-review';
import { parkAttempt, takeReturningAttempt } from './payment-challenge';
import { placeOrderRequest } from './place-order-request';
import { defaultSavedAddress, SaveAddressOption, type SavedAddress, SavedAddressPicker, saveAddressIfAsked } from './saved-addresses';
import { QUOTE_UNAVAILABLE, toQuoteView, useCheckoutQuote } from './use-checkout-quote';

const FIELD_LABELS: Record<string, string> = {
  email: 'Email',
  name: 'Full name',
  line1: 'Address line 1',
  line2: 'Address line 2',
  city: 'City',
  region: 'State or region',
  postalCode: 'Postal code',
  country: 'Country',
  shippingMethod: 'Shipping method',
  ...CARD_FIELD_LABELS,
};
const isCardField = (name: string): name is CardFieldName => name in CARD_FIELD_LABELS;
type Address = { name?: string; line1?: string; line2?: string; city?: string; region?: string; postalCode?: string; country?: string };

/** Required-field checks only; formats, stock, totals and the card are the server's call. */
function missingFields(form: FormData, needsRegion: boolean, guest: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (guest && !String(form.get('email') ?? '').trim()) errors.email = 'Enter your email address';
  for (const name of ['name', 'line1', 'city', 'postalCode']) {
    if (!String(form.get(name) ?? '').trim()) errors[name] = `Enter your ${FIELD_LABELS[name]?.toLowerCase()}`;
  }
  if (needsRegion && !String(form.get('region') ?? '')) errors.region = 'Choose your state or province';
  return errors;
}

/** `guest`: no session; the form asks for an email first (the order's confirmation and lookup go by it). */
export function CheckoutForm({
  initialQuote,
  countries,
  defaultName,
  processorUrl,
  guest = false,
  savedAddresses = [],
  myStore,
}: {
  initialQuote: QuoteView;
  countries: CountryOption[];
  defaultName: string;
  /** The payment processor's origin: the card fields tokenise there (components/checkout/card-fields.tsx). */
  processorUrl: string;
  guest?: boolean;
  /** The signed-in shopper's address book (saved-addresses.tsx); the default fills the fields. */
  savedAddresses?: SavedAddress[];
  /** The shopper's chosen store ("Set as my store" on /stores): the delivery estimate's place until an address is typed. */
  myStore?: NearStore;
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
    unavailable,
    retry: retryQuote,
    replace: replaceQuote,
  } = useCheckoutQuote(initialQuote, { country, region, postalCode: quotedPostalCode, shippingMethod });
  const trouble = { unavailable, onRetry: retryQuote };
  const [submitErrors, setErrors] = useState<Record<string, string>>({});
  const errors: Record<string, string> = { ...quoteErrors, ...submitErrors };
  const [problems, setProblems] = useState<SummaryProblem[]>([]);
  const [stockProblem, setStockProblem] = useState(false);
  const [pending, setPending] = useState(false);
  // One key per attempt, kept across a double click or a retry after a dropped connection; a new key only once the
  // server has given a definite "no" (the shopper will change something and try again).
  const attemptKey = useRef<string | null>(null);
  // The processor's token for this attempt: a retry of the attempt sends the same body, token included.
  const attemptToken = useRef<string | null>(null);
  const card = useRef<CardFieldsHandle>(null);
  // The address of an attempt back from a 3-D Secure challenge that did not complete, to fill the form again.
  const [restored, setRestored] = useState<Address | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // Typed before hydration: the form posts natively until then, so a shopper on a slow phone may already have filled
  // it. React hydrates without touching the inputs, but its state still holds the server's values, and the next
  // render writes them back over what was typed (a ZIP code that vanished in an e2e run). So after hydration the
  // controlled fields take what the page shows, and keep taking it on every input or change event in the form:
  // an event that reached the page while React was still hydrating it is not one React saw, and a state that missed
  // it would quote, and then charge, another address than the one on the screen. Each setter is a no-op when the
  // value is already the state's.
  useEffect(() => {
    const adopt = () => {
      const shown = (name: string) => shownValue(formRef.current, name);
      const typed = { country: shown('country'), region: shown('region'), postalCode: shown('postalCode'), shippingMethod: shown('shippingMethod') };
      if (typed.country) setCountry(typed.country);
      if (typed.region !== null) setRegion(typed.region);
      if (typed.postalCode !== null) setPostalCode(typed.postalCode);
      if (typed.shippingMethod) setShippingMethod(typed.shippingMethod);
    };
    adopt();
    const onEvent = (event: Event) => {
      if (event.target instanceof Node && formRef.current?.contains(event.target)) adopt();
    };
    document.addEventListener('input', onEvent);
    document.addEventListener('change', onEvent);
    return () => {
      document.removeEventListener('input', onEvent);
      document.removeEventListener('change', onEvent);
    };
  }, []);

  function show(fieldErrors: Record<string, string>, formMessage?: string) {
    setErrors(fieldErrors);
    const list: SummaryProblem[] = Object.entries(fieldErrors).map(([name, message]) => ({
      fieldId: isCardField(name) && card.current ? card.current.fieldId(name) : id(name),
      message: `${FIELD_LABELS[name] ?? name}: ${message}`,
    }));
    if (formMessage) list.unshift({ message: formMessage });
    setProblems(list);
  }

  /** Sends one attempt; on 3-D Secure, parks it and leaves for the issuer's challenge (payment-challenge.ts). */
  async function submit(body: Record<string, unknown>, key: string, form?: FormData) {
    setPending(true);
    const answer = await placeOrderRequest(body, key);
    if (answer.ok) {
      if (form) await saveAddressIfAsked(form, body.shippingAddress as Record<string, unknown>);
      announceCartChange(0);
      router.push(`/orders/${encodeURIComponent(answer.orderId)}?placed=1`);
      return;
    }
    const nextAction = answer.code === 'AUTHENTICATION_REQUIRED' ? answer.nextActionUrl : null;
    if (nextAction) {
      parkAttempt(key, body);
      window.location.assign(nextAction);
      return;
    }
    setPending(false);
    if (answer.status !== 0 && answer.status < 500) {
      attemptKey.current = null;
      attemptToken.current = null;
    }
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

  // Back from a 3-D Secure challenge: the same body under the same key completes the order once, or says why not.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on the page load that returns from the challenge
  useEffect(() => {
    const parked = takeReturningAttempt();
    if (!parked) return;
    const address = (parked.body.shippingAddress ?? {}) as Address;
    setRestored(address);
    if (address.country) setCountry(address.country);
    setRegion(address.region ?? '');
    setPostalCode(address.postalCode ?? '');
    if (typeof parked.body.shippingMethod === 'string') setShippingMethod(parked.body.shippingMethod);
    attemptKey.current = parked.idempotencyKey;
    void submit(parked.body, parked.idempotencyKey);
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const missing = missingFields(form, Boolean(rule?.regions), guest);
    setStockProblem(false);
    if (Object.keys(missing).length > 0) return show(missing);
    // No total could be fetched for this address: nothing is sent, since the shopper has not seen what they would pay.
    if (unavailable && !quote.totals) {
      retryQuote();
      return show({}, `${QUOTE_UNAVAILABLE} Nothing was charged. Check the order summary, then place your order again.`);
    }

    setPending(true);
    if (!attemptToken.current) {
      const tokenised = await card.current?.tokenise();
      if (!tokenised?.ok) {
        setPending(false);
        return show(tokenised?.errors ?? {}, tokenised?.message);
      }
      attemptToken.current = tokenised.token;
    }
    const body = {
      ...(guest ? { email: form.get('email') } : {}),
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
      // Only the processor's token: the card went to the processor from the card fields.
      payment: { token: attemptToken.current },
      // The total on the screen: the server charges it only if the cart still costs exactly that (else CART_CHANGED).
      expectedTotal: quote.totals?.total,
    };
    attemptKey.current ??= newIdempotencyKey();
    await submit(body, attemptKey.current, form);
  }

  return (
    <div className={styles.layout}>
      <form key={restored ? 'restored' : 'new'} ref={formRef} className={styles.form} onSubmit={onSubmit} noValidate>
        <ErrorSummary problems={problems}>
          {stockProblem ? (
            <p>
              <Link href="/cart">Update your cart</Link>
            </p>
          ) : null}
        </ErrorSummary>

        {guest ? (
          <fieldset className={styles.fieldset}>
            <legend>Contact</legend>
            <FormField
              id={id('email')}
              name="email"
              type="email"
              label="Email"
              autoComplete="email"
              maxLength={254}
              hint="Your confirmation and a link to your order go here."
              error={errors.email}
            />
          </fieldset>
        ) : null}

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
            defaultValue={(restored ?? picked)?.name ?? defaultName}
            error={errors.name}
          />
          <FormField
            id={id('line1')}
            name="line1"
            label="Address line 1"
            autoComplete="address-line1"
            maxLength={200}
            defaultValue={(restored ?? picked)?.line1}
            error={errors.line1}
          />
          <FormField
            id={id('line2')}
            name="line2"
            label="Address line 2 (optional)"
            autoComplete="address-line2"
            maxLength={200}
            defaultValue={(restored ?? picked)?.line2}
            error={errors.line2}
          />
          <div className={styles.grid2}>
            <FormField
              id={id('city')}
              name="city"
              label="City"
              autoComplete="address-level2"
              maxLength={100}
              defaultValue={(restored ?? picked)?.city}
              error={errors.city}
            />
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
          <DeliveryEstimate shippingMethod={shippingMethod} near={myStore} />
          {errors.shippingMethod ? <FieldError id={id('shippingMethod')} message={errors.shippingMethod} /> : null}
        </fieldset>

        <CollapsibleOrderSummary quote={quote} loading={loading} shippingMethod={shippingMethod} trouble={trouble} />

        <CardFields
          handle={card}
          processorUrl={processorUrl}
          errors={{ cardNumber: errors.cardNumber, expMonth: errors.expMonth, expYear: errors.expYear, cvc: errors.cvc }}
        />

        <div className={styles.payBox}>
          {/* On a phone the order summary comes after the form: the total is said here too, before the button. */}
          <p className={styles.payTotal}>
            <span>Order total</span> <strong>{quote.totals ? formatMoney(quote.totals.total) : '—'}</strong>
          </p>
          {/* Not while a new quote is on its way: the total sent must be the total shown. */}
          <button type="submit" className="button" disabled={pending || loading}>
            {pending ? 'Placing your order…' : `Place order${quote.totals ? ` · ${formatMoney(quote.totals.total)}` : ''}`}
          </button>
          <ul className={styles.assurances} aria-label="Paying safely">
            <li>
              <span aria-hidden="true">🔒</span> Secure payment: your card goes straight to our payment processor over an encrypted connection; we never see or
              keep its number.
            </li>
            <li>
              <span aria-hidden="true">↩</span> Changed your mind? Return it within {RETURN_WINDOW_DAYS} days of delivery.{' '}
              <a href="/help/returns" target="_blank" rel="noopener">
                Returns policy (opens in a new tab)
              </a>
            </li>
          </ul>
        </div>
      </form>
      <OrderReview quote={quote} loading={loading} shippingMethod={shippingMethod} trouble={trouble} />
    </div>
  );
}
