import { CalculateRouteCommand, SearchPlaceIndexForSuggestionsCommand, SearchPlaceIndexForTextCommand } from '@aws-sdk/client-location';
import { locationClient } from '../platform/aws/clients';
import type { GeoPoint, Place } from './contract';

// Amazon Location Service, operations only. Positions in Amazon Location are [longitude, latitude]; this file is
// the only place that knows it.

/** SearchPlaceIndexForText, US only, first result; null when the index knows no such place. */
export async function searchPlaceAws(indexName: string, text: string, abortSignal: AbortSignal): Promise<Place | null> {
  const out = await locationClient().send(new SearchPlaceIndexForTextCommand({ IndexName: indexName, Text: text, MaxResults: 1, FilterCountries: ['USA'] }), {
    abortSignal,
  });
  const place = out.Results?.[0]?.Place;
  const point = place?.Geometry?.Point;
  if (!place || !point || point.length < 2) return null;
  const kind: Place['kind'] = place.AddressNumber ? 'address' : place.PostalCode && /^\s*\d{5}/.test(text) ? 'postcode' : 'city';
  return { lng: point[0]!, lat: point[1]!, label: place.Label ?? text, kind };
}

/** SearchPlaceIndexForSuggestions: type-ahead labels (no coordinates; a pick is geocoded on submit). */
export async function suggestPlacesAws(indexName: string, text: string, max: number, abortSignal: AbortSignal): Promise<string[]> {
  const out = await locationClient().send(
    new SearchPlaceIndexForSuggestionsCommand({ IndexName: indexName, Text: text, MaxResults: max, FilterCountries: ['USA'] }),
    { abortSignal },
  );
  return (out.Results ?? []).map((r) => r.Text).filter((t): t is string => typeof t === 'string');
}

/** CalculateRoute by truck; answers the road distance in km and the driving time in seconds. */
export async function calculateRouteAws(
  calculatorName: string,
  from: GeoPoint,
  to: GeoPoint,
  abortSignal: AbortSignal,
): Promise<{ km: number; seconds: number }> {
  const out = await locationClient().send(
    new CalculateRouteCommand({
      CalculatorName: calculatorName,
      DeparturePosition: [from.lng, from.lat],
      DestinationPosition: [to.lng, to.lat],
      TravelMode: 'Truck',
      DistanceUnit: 'Kilometers',
    }),
    { abortSignal },
  );
  const summary = out.Summary;
  if (!summary || typeof summary.Distance !== 'number') throw new Error('CalculateRoute answered without a summary');
  return { km: summary.Distance, seconds: summary.DurationSeconds ?? 0 };
}
