'use client';

import Link from 'next/link';

// The error state of every page below the root layout: a dependency that did not answer in time (DynamoDB,
// Cognito: server/platform/aws/clients.ts gives up within AWS_RETRY_BUDGET_MS) lands here instead of a hanging page.
// The message is generic on purpose: server errors reach the browser without their text in production.
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section aria-labelledby="error-title" role="alert">
      <h1 id="error-title">This page is not available right now</h1>
      <p>Part of the shop is not answering. Please try again in a moment; nothing in your cart or orders was changed.</p>
      {error.digest ? <p>Reference: {error.digest}</p> : null}
      <p>
        <button type="button" className="button" onClick={() => reset()}>
          Try again
        </button>{' '}
        <Link className="button button--ghost" href="/">
          Back to the shop
        </Link>
      </p>
    </section>
  );
}
