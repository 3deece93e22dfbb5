import { workUnitAsyncStorage } from 'next/dist/server/app-render/work-unit-async-storage.external';
import { setFallbackRequestId } from './context';
import { FORWARDED_REQUEST_ID_HEADER, safeRequestId } from './request-id';

// Pages have no route() to open a request context: React renders a page, its generateMetadata and its nested
// async server components in work Next schedules, with no function of ours around all of it. Next itself keeps
// the request in its own AsyncLocalStorage (the "work unit" store that headers() reads); this reads the
// id middleware forwarded (`x-storefront-request-id`) from there, synchronously and without calling headers() (which would
// mark a static render dynamic). INTERNAL Next API, pinned by Next 16.4: if a Next upgrade moves it, the guard
// below turns it into "no request id on page lines" rather than an error (ADR 0007). 'use cache' functions run
// in a 'cache' store and get no id, which is right: their result is shared between requests.
// Installed once per server process by instrumentation.ts; never imported by code that runs outside Next.

export function installNextRequestIdFallback(): void {
  setFallbackRequestId(() => {
    const store = workUnitAsyncStorage.getStore();
    if (store?.type !== 'request') return undefined;
    return safeRequestId(store.headers.get(FORWARDED_REQUEST_ID_HEADER));
  });
}
