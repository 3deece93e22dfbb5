import { type DistanceUnit, drawBaseMap, type Place, type StoreWithDistance } from '@/server/locations';
import { type MapMarker, MapViewport } from './map-viewport';

// The store locator's map (issue 27): land, coastline, states and (at city scale) counties drawn on the server from
// the us-atlas and world-atlas packages (server/locations/base-map.ts, ADR 0031), the stores numbered as in the
// list, "you are here" and the shopper's own store each drawn their own way, with a legend. Pan and zoom are the
// small MapViewport island; the SVG paths come in the HTML.

export async function StoreMap({
  origin,
  stores,
  myStoreId,
  unit,
  numbered = true,
  label,
}: {
  /** Where the search landed; null when the map shows stores only. */
  origin: Place | null;
  stores: StoreWithDistance[];
  myStoreId?: string;
  unit: DistanceUnit;
  numbered?: boolean;
  label: string;
}) {
  const { map, project } = await drawBaseMap(origin ? [origin, ...stores] : stores);
  const markers: MapMarker[] = stores.map((s, i) => {
    const [x, y] = project(s);
    const mine = s.id === myStoreId;
    return {
      id: s.id,
      x,
      y,
      kind: mine ? 'my-store' : 'store',
      n: numbered ? i + 1 : undefined,
      label: `${numbered ? `${i + 1}. ` : ''}${s.name}${mine ? ' (your store)' : ''}`,
    };
  });
  // Your store on top of the others. "You are here" goes underneath: its halo still shows around a store that
  // stands on the same spot (a search for the store's own city), where drawn on top it would hide store 1.
  markers.sort((a, b) => Number(a.kind === 'my-store') - Number(b.kind === 'my-store'));
  if (origin) {
    const [x, y] = project(origin);
    markers.unshift({ id: 'origin', x, y, kind: 'origin', label: `You are here: ${origin.label}` });
  }
  const hasMine = markers.some((m) => m.kind === 'my-store');
  return (
    <figure className="store-map-figure">
      <MapViewport
        width={map.width}
        height={map.height}
        label={label}
        markers={markers}
        widthKm={map.widthKm}
        unit={unit}
        attribution="US Census Bureau · Natural Earth"
      >
        <path d={map.layers.land} className="store-map__land" />
        <path d={map.layers.nation} className="store-map__nation" />
        {map.layers.counties ? <path d={map.layers.counties} className="store-map__counties" vectorEffect="non-scaling-stroke" /> : null}
        <path d={map.layers.states} className="store-map__states" vectorEffect="non-scaling-stroke" />
        <path d={map.layers.coast} className="store-map__coast" vectorEffect="non-scaling-stroke" />
      </MapViewport>
      <figcaption>
        <ul className="store-map__legend" aria-label="Map legend">
          <li>
            <svg viewBox="-12 -12 24 24" width="20" height="20" aria-hidden="true" className="store-map__marker store-map__marker--store">
              <circle r="10" />
            </svg>
            Store{numbered ? ' (numbered as in the list)' : ''}
          </li>
          {hasMine ? (
            <li>
              <svg viewBox="-17 -17 34 34" width="20" height="20" aria-hidden="true" className="store-map__marker store-map__marker--my-store">
                <path d="M0-16 4.7-6.5 15.2-4.9 7.6 2.5 9.4 12.9 0 8 -9.4 12.9 -7.6 2.5 -15.2-4.9 -4.7-6.5Z" />
              </svg>
              Your store
            </li>
          ) : null}
          {origin ? (
            <li>
              <svg viewBox="-15 -15 30 30" width="20" height="20" aria-hidden="true" className="store-map__marker store-map__marker--origin">
                <circle r="14" className="store-map__halo" />
                <circle r="7" />
              </svg>
              You are here
            </li>
          ) : null}
        </ul>
      </figcaption>
    </figure>
  );
}
