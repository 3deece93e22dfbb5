import type { GeoPoint, Store, StoreWithDistance } from './contract';
import { greatCircleKm } from './great-circle';

/** Stores ordered by great-circle distance from `origin`, distance rounded to 0.1 km. */
export function nearestStores(origin: GeoPoint, stores: readonly Store[], limit: number): StoreWithDistance[] {
  return stores
    .map((s) => ({ store: s, km: greatCircleKm(origin, s) }))
    .sort((a, b) => a.km - b.km || a.store.id.localeCompare(b.store.id))
    .slice(0, limit)
    .map(({ store: { fulfilment: _f, ...rest }, km }) => ({ ...rest, distanceKm: Math.round(km * 10) / 10 }));
}
