'use client';

import { useId, useState } from 'react';
import { apiRequest, fieldErrorsFrom } from '@/components/api/api-request';

/**
 * "Email me when it's back" for a sold-out option. Signed-in shoppers' alerts go to their account's address (the
 * server decides; the email field is then ignored), guests give one. One email, then the alert ends.
 */
export function RestockAlert({ productId, variantId, productName }: { productId: string; variantId: string; productName: string }) {
  const [state, setState] = useState<{ done: boolean; message: string; field?: string }>({ done: false, message: '' });
  const [pending, setPending] = useState(false);
  const id = useId();

  async function subscribe(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Read from the form, not from state: what was typed before hydration counts too.
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    setPending(true);
    const result = await apiRequest<{ subscribed: boolean; confirmationRequired?: boolean }>('/api/stock-alerts', {
      body: { productId, variantId, ...(email ? { email } : {}) },
    });
    setPending(false);
    if (result.ok && result.data.confirmationRequired) {
      setState({ done: true, message: `Check your email: follow the link we sent to start your alert for ${productName}.` });
    } else if (result.ok) setState({ done: true, message: `We will email you once when ${productName} is back in stock.` });
    else setState({ done: false, message: result.message, field: fieldErrorsFrom(result.details).email });
  }

  if (state.done) return <p role="status">{state.message}</p>;
  return (
    <form onSubmit={subscribe} aria-labelledby={`${id}-title`} className="restock-alert">
      <p id={`${id}-title`}>
        <strong>Sold out.</strong> Want to know when it is back?
      </p>
      <label htmlFor={`${id}-email`}>Your email (not needed when signed in)</label>{' '}
      <input
        id={`${id}-email`}
        name="email"
        type="email"
        autoComplete="email"
        aria-invalid={state.field ? true : undefined}
        aria-describedby={state.field ? `${id}-problem` : undefined}
      />{' '}
      <button type="submit" className="button" disabled={pending}>
        Email me when it's back
      </button>
      {state.message ? (
        <p id={`${id}-problem`} role="alert">
          {state.field ? `Email ${state.field}.` : state.message}
        </p>
      ) : null}
    </form>
  );
}
