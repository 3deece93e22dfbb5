import type { DistanceUnit, Place, StoreWithDistance } from '@/server/locations';
import { formatDistance } from '@/server/locations/contract';

// The stores as a numbered list (the numbers match the map's markers): address, distance in the shopper's units,
// hours, a directions link and "Set as my store" (a plain form post to a server action: works without JavaScript).

/** A directions link any phone or desktop opens (Google Maps URLs: https://developers.google.com/maps/documentation/urls). */
export function directionsUrl(store: { lat: number; lng: number; name: string }, from?: { lat: number; lng: number } | null): string {
  const params = new URLSearchParams({ api: '1', destination: `${store.lat},${store.lng}` });
  if (from) params.set('origin', `${from.lat},${from.lng}`);
  return `https://www.google.com/maps/dir/?${params}`;
}

export function StoreList({
  stores,
  origin,
  unit,
  myStoreId,
  q,
  setMyStore,
}: {
  stores: StoreWithDistance[];
  origin: Place | null;
  unit: DistanceUnit;
  myStoreId?: string;
  /** The search, kept across the "Set as my store" post so the page comes back as it was. */
  q: string;
  setMyStore: (form: FormData) => Promise<void>;
}) {
  return (
    <ol className="store-list" aria-label="Nearest stores">
      {stores.map((s) => (
        <li key={s.id} className={s.id === myStoreId ? 'store-list__mine' : undefined}>
          <h3>{s.name}</h3>
          <p>
            {s.address.line1}, {s.address.city}, {s.address.region} {s.address.postalCode}
            {origin ? (
              <>
                {' '}
                · <strong>{formatDistance(s.distanceKm, unit)}</strong> away
              </>
            ) : null}
          </p>
          <dl className="store-hours">
            {s.hours.map((h) => (
              <div key={h.days}>
                <dt>{h.days}</dt>
                <dd>
                  {h.open}–{h.close}
                </dd>
              </div>
            ))}
          </dl>
          <div className="store-list__actions">
            <a href={directionsUrl(s, origin)} target="_blank" rel="noopener noreferrer" className="store-list__directions">
              Directions<span className="visually-hidden"> to {s.name} (opens Google Maps in a new tab)</span>
            </a>
            {s.id === myStoreId ? (
              <strong className="store-list__badge">★ Your store</strong>
            ) : (
              <form action={setMyStore}>
                <input type="hidden" name="storeId" value={s.id} />
                <input type="hidden" name="q" value={q} />
                <button type="submit" className="button button--ghost">
                  Set as my store<span className="visually-hidden">: {s.name}</span>
                </button>
              </form>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
