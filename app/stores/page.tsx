import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PlaceSearchInput } from '@/components/stores/place-search-input';
import { StoreList } from '@/components/stores/store-list';
import { StoreMap } from '@/components/stores/store-map';
import { isEnabled } from '@/server/flags';
import { findStores } from '@/server/locations';

// The store locator. A plain GET form, so a search is a shareable URL and works without JavaScript. The flag is
// checked here as well as in middleware: a bypassed middleware must not reopen the page.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Stores', alternates: { canonical: '/stores' } };

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export default async function StoresPage({ searchParams }: Props) {
  if (!(await isEnabled('store-locator'))) notFound();
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 200) ?? '';
  const result = q ? await findStores({ q }, 5) : null;
  return (
    <section aria-labelledby="stores-title">
      <h1 id="stores-title">Find a store</h1>
      {/* biome-ignore lint/a11y/useSemanticElements: role="search" on the form itself gives the same landmark without a <search> wrapper, which would become the styled flex child instead of the form */}
      <form method="get" action="/stores" role="search" aria-label="Store search" className="store-search">
        <label htmlFor="store-q">City, ZIP code or address</label>
        <PlaceSearchInput defaultValue={q} />
        <button type="submit" className="button">
          Search
        </button>
      </form>
      {result && !result.origin ? <p role="status">We could not find “{q}”. Try a US city or ZIP code.</p> : null}
      {result?.origin ? (
        <>
          <p role="status">
            {result.stores.length} stores nearest to {result.origin.label}
          </p>
          <StoreMap origin={result.origin} stores={result.stores} />
          <StoreList stores={result.stores} />
        </>
      ) : null}
    </section>
  );
}
