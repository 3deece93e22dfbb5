import 'server-only';
import { getConfig } from '../platform/config';
import { withBudget } from '../platform/resilience';
import type { GeoPoint, LocationSource, Place, StoreSearchResult, StoreWithDistance } from './contract';
import { addBusinessDays, type DeliveryMethod, estimateDeliveryDays } from './delivery-estimate';
import { geocodeLocal, suggestLocal } from './gazetteer';
import { greatCircleKm } from './great-circle';
import { calculateRouteAws, searchPlaceAws, suggestPlacesAws } from './location-adapter';
import { nearestStores } from './nearest-stores';
import { STORES } from './stores-data';

// Public entry of the locations domain: store search, address suggestions and delivery estimates. Amazon Location
// answers when its place index / route calculator is configured and answers within the budget; the bundled
// gazetteer and the great-circle speed model answer otherwise.

export { drawBaseMap } from './base-map';
export type { DistanceUnit, GeoPoint, LocationSource, Place, StoreSearchResult, StoreWithDistance } from './contract';
export { distanceUnitFor } from './contract';
export type { DeliveryMethod } from './delivery-estimate';
export { stateOfUsZip } from './gazetteer';
export { currentMyStore, rememberMyStore } from './my-store';

/** Every store, for the locator's first view (all of them on one map) before a search. */
export function allStores(): StoreWithDistance[] {
  return STORES.map(({ fulfilment: _, ...s }) => ({ ...s, distanceKm: 0 }));
}

export const STORE_DEFAULT_LIMIT = 5;
export const STORE_MAX_LIMIT = 30;

async function geocode(text: string): Promise<{ place: Place | null; source: LocationSource }> {
  const { LOCATION_PLACE_INDEX, AI_SERVICE_BUDGET_MS } = getConfig();
  if (LOCATION_PLACE_INDEX) {
    const outcome = await withBudget(
      'location',
      (signal) => searchPlaceAws(LOCATION_PLACE_INDEX, text, signal),
      AI_SERVICE_BUDGET_MS,
      () => undefined,
    );
    // A place index that finds nothing is an answer, not a failure; the gazetteer gets its chance all the same.
    if (outcome.value) return { place: outcome.value, source: 'amazon-location' };
  }
  return { place: geocodeLocal(text), source: 'local' };
}

/** Nearest stores to a text query (city, ZIP or address) or a point. `origin` is null when the text is unknown. */
export async function findStores(query: { q: string } | GeoPoint, limit = STORE_DEFAULT_LIMIT): Promise<StoreSearchResult> {
  if ('q' in query) {
    const { place, source } = await geocode(query.q);
    return { origin: place, stores: place ? nearestStores(place, STORES, limit) : [], source };
  }
  const origin: Place = { ...query, label: `${query.lat.toFixed(3)}, ${query.lng.toFixed(3)}`, kind: 'point' };
  return { origin, stores: nearestStores(origin, STORES, limit), source: 'local' };
}

/** Type-ahead labels for an address or city being typed. */
export async function suggestPlaces(text: string, limit = 5): Promise<{ suggestions: { label: string }[]; source: LocationSource }> {
  const { LOCATION_PLACE_INDEX, AI_SERVICE_BUDGET_MS } = getConfig();
  const local = () => suggestLocal(text, limit).map((p) => ({ label: p.label }));
  if (!LOCATION_PLACE_INDEX) return { suggestions: local(), source: 'local' };
  const outcome = await withBudget(
    'location',
    (signal) => suggestPlacesAws(LOCATION_PLACE_INDEX, text, limit, signal),
    AI_SERVICE_BUDGET_MS,
    () => null,
  );
  return outcome.value ? { suggestions: outcome.value.map((label) => ({ label })), source: 'amazon-location' } : { suggestions: local(), source: 'local' };
}

export type DeliveryEstimate = {
  from: { storeId: string; name: string; city: string };
  to: string;
  method: DeliveryMethod;
  minDays: number;
  maxDays: number;
  earliest: string; // ISO date
  latest: string;
  distanceKm: number;
  source: LocationSource;
};

/**
 * When an order to `address` would arrive: from the nearest fulfilment store, by road (CalculateRoute when a
 * route calculator is configured, the speed model otherwise). Null when the address cannot be placed.
 */
export async function estimateDelivery(address: string, method: DeliveryMethod, now = new Date()): Promise<DeliveryEstimate | null> {
  const { place, source: geoSource } = await geocode(address);
  if (!place) return null;
  const store = nearestStores(
    place,
    STORES.filter((s) => s.fulfilment),
    1,
  )[0];
  if (!store) return null;
  const { LOCATION_ROUTE_CALCULATOR, AI_SERVICE_BUDGET_MS } = getConfig();
  let routeKm: number | undefined;
  let source: LocationSource = geoSource;
  if (LOCATION_ROUTE_CALCULATOR) {
    const outcome = await withBudget(
      'location',
      (signal) => calculateRouteAws(LOCATION_ROUTE_CALCULATOR, store, place, signal),
      AI_SERVICE_BUDGET_MS,
      () => null,
    );
    if (outcome.value) routeKm = outcome.value.km;
    else source = 'local';
  }
  const days = estimateDeliveryDays({ greatCircleKm: greatCircleKm(store, place), routeKm, method });
  return {
    from: { storeId: store.id, name: store.name, city: store.address.city },
    to: place.label,
    method,
    minDays: days.minDays,
    maxDays: days.maxDays,
    earliest: addBusinessDays(now, days.minDays).toISOString().slice(0, 10),
    latest: addBusinessDays(now, days.maxDays).toISOString().slice(0, 10),
    distanceKm: days.roadKm,
    source,
  };
}

/**
 * How far a US shipping address is from a point (fraud screening: the client's location at the edge), by the
 * bundled gazetteer only (ZIP centroid, else the city): no network call on the checkout path. Null when the address
 * is outside the US or cannot be placed.
 */
export function shippingDistanceKm(from: GeoPoint, address: { city: string; region: string; postalCode: string; country: string }): number | null {
  if (address.country !== 'US') return null;
  const place = geocodeLocal(`${address.city}, ${address.region} ${address.postalCode}`);
  return place ? greatCircleKm(from, place) : null;
}
