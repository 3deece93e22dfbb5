export type OpeningHours = { days: string; open: string; close: string };

export type StoreAddress = { line1: string; city: string; region: string; postalCode: string; country: string };

export type Store = {
  id: string;
  name: string;
  address: StoreAddress;
  lat: number;
  lng: number;
  hours: readonly OpeningHours[];
  /** Ships online orders: a delivery estimate starts from the nearest of these. */
  fulfilment: boolean;
};

export type GeoPoint = { lat: number; lng: number };

/** A resolved place: where a search or an address landed. */
export type Place = GeoPoint & { label: string; kind: 'postcode' | 'city' | 'address' | 'point' };

export type LocationSource = 'amazon-location' | 'local';

export type StoreWithDistance = Omit<Store, 'lat' | 'lng' | 'fulfilment'> & GeoPoint & { distanceKm: number };

export type StoreSearchResult = { origin: Place | null; stores: StoreWithDistance[]; source: LocationSource };

export { type DistanceUnit, distanceUnitFor, formatDistance, scaleBar } from './distance-units';
