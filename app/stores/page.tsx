import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { PlaceSearchInput } from '@/components/stores/place-search-input';
import { StoreList } from '@/components/stores/store-list';
import { StoreMap } from '@/components/stores/store-map';
import { isEnabled } from '@/server/flags';
import { allStores, currentMyStore, distanceUnitFor, findStores } from '@/server/locations';
import { setMyStoreAction } from './actions';

// The store locator. A plain GET form, so a search is a shareable URL and works without JavaScript. The flag is
// checked here as well as in middleware: a bypassed middleware must not reopen the page. Before a search it shows
// the shopper's own store and its neighbours ("Set as my store", a cookie), or every store on one map.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Stores', alternates: { canonical: '/stores' } };

type Props = { searchParams: Promise<{ q?: string | string[]; status?: string | string[] }> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function StoresPage({ searchParams }: Props) {
  if (!(await isEnabled('store-locator'))) notFound();
  const params = await searchParams;
  const q = first(params.q)?.trim().slice(0, 200) ?? '';
  const status = first(params.status);
  const [myStore, requestHeaders] = await Promise.all([currentMyStore(), headers()]);
  // Miles for US shoppers (and UK ones), kilometres elsewhere: the browser's language says where the shopper is.
  const unit = distanceUnitFor(requestHeaders.get('accept-language'));
  const result = q ? await findStores({ q }, 5) : myStore ? await findStores({ lat: myStore.lat, lng: myStore.lng }, 5) : null;
  return (
    <section aria-labelledby="stores-title" className="stores-page">
      <h1 id="stores-title">Find a store</h1>
      {/* biome-ignore lint/a11y/useSemanticElements: role="search" on the form itself gives the same landmark without a <search> wrapper, which would become the styled flex child instead of the form */}
      <form method="get" action="/stores" role="search" aria-label="Store search" className="store-search">
        <label htmlFor="store-q">City, ZIP code or address</label>
        <PlaceSearchInput defaultValue={q} />
        <button type="submit" className="button">
          Search
        </button>
      </form>
      {status === 'store-saved' && myStore ? (
        <p role="status" className="notice">
          {myStore.name} is now your store. Delivery estimates at checkout start from it until you enter an address.
        </p>
      ) : status === 'store-not-saved' ? (
        <p role="status" className="notice">
          That store could not be saved. Please choose one from the list.
        </p>
      ) : null}
      {myStore ? (
        <p className="my-store-line">
          <span aria-hidden="true">★</span> Your store: <strong>{myStore.name}</strong>, {myStore.address.line1}, {myStore.address.city},{' '}
          {myStore.address.region}
        </p>
      ) : null}
      {result && !result.origin ? <p role="status">We could not find “{q}”. Try a US city or ZIP code.</p> : null}
      {result?.origin ? (
        <>
          <p role="status">{q ? `${result.stores.length} stores nearest to ${result.origin.label}` : `${result.stores.length} stores near your store`}</p>
          <StoreMap
            origin={q ? result.origin : null}
            stores={result.stores}
            myStoreId={myStore?.id}
            unit={unit}
            label={q ? `Map of the ${result.stores.length} nearest stores to ${result.origin.label}` : `Map of the stores near ${myStore?.name}`}
          />
          <StoreList stores={result.stores} origin={q ? result.origin : null} unit={unit} myStoreId={myStore?.id} q={q} setMyStore={setMyStoreAction} />
        </>
      ) : !result ? (
        <>
          <p>Search for a city or ZIP code to see the nearest stores, their hours and directions.</p>
          <StoreMap
            origin={null}
            stores={allStores()}
            unit={unit}
            numbered={false}
            label={`Map of our ${allStores().length} stores across the United States`}
          />
        </>
      ) : null}
    </section>
  );
}
