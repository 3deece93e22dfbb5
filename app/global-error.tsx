'use client';

// The error state when the root layout itself fails (it reads the categories for the header): Next then renders
// this instead of the layout, so it brings its own <html> and <body>. Plain links and no shared components, so
// nothing here depends on the service that just failed.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main id="main">
          <section aria-labelledby="global-error-title" role="alert">
            <h1 id="global-error-title">The shop is not available right now</h1>
            <p>Part of the shop is not answering. Please try again in a moment; nothing in your cart or orders was changed.</p>
            {error.digest ? <p>Reference: {error.digest}</p> : null}
            <p>
              <button type="button" onClick={() => reset()}>
                Try again
              </button>{' '}
              {/* A full page load rather than client navigation: the app shell itself failed. */}
              <a href="/">Back to the shop</a>
            </p>
          </section>
        </main>
      </body>
    </html>
  );
}
