import { CalculateRouteCommand, LocationClient, SearchPlaceIndexForSuggestionsCommand, SearchPlaceIndexForTextCommand } from '@aws-sdk/client-location';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetAwsClientsForTests } from '@/server/platform/aws/clients';
import { resetConfigForTests } from '@/server/platform/config';
import { resetFailureLogForTests } from '@/server/platform/resilience';
import { addBusinessDays, estimateDeliveryDays } from './delivery-estimate';
import { estimateDelivery, findStores, suggestPlaces } from './index';

const location = mockClient(LocationClient);

beforeEach(() => {
  process.env.LOCATION_PLACE_INDEX = 'storefront-places';
  process.env.LOCATION_ROUTE_CALCULATOR = 'storefront-routes';
  process.env.AI_SERVICE_BUDGET_MS = '80';
  resetConfigForTests();
  resetAwsClientsForTests();
  resetFailureLogForTests();
  location.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  delete process.env.LOCATION_PLACE_INDEX;
  delete process.env.LOCATION_ROUTE_CALCULATOR;
  delete process.env.AI_SERVICE_BUDGET_MS;
  resetConfigForTests();
  vi.restoreAllMocks();
});

describe('Amazon Location adapter', () => {
  it('geocodes with SearchPlaceIndexForText ([lng, lat] in, stores by distance out)', async () => {
    location
      .on(SearchPlaceIndexForTextCommand)
      .resolves({ Summary: undefined, Results: [{ Place: { Label: 'Seattle, WA, USA', Geometry: { Point: [-122.3321, 47.6062] } }, Relevance: 1 }] } as never);
    const out = await findStores({ q: 'Seattle' }, 2);
    expect(location.commandCalls(SearchPlaceIndexForTextCommand)[0]!.args[0].input).toEqual({
      IndexName: 'storefront-places',
      Text: 'Seattle',
      MaxResults: 1,
      FilterCountries: ['USA'],
    });
    expect(out.source).toBe('amazon-location');
    expect(out.origin).toMatchObject({ label: 'Seattle, WA, USA', lat: 47.6062, lng: -122.3321 });
    expect(out.stores.map((s) => s.id)).toEqual(['sea-downtown', 'sea-ballard']);
  });

  it.each([
    ['throttling', () => location.on(SearchPlaceIndexForTextCommand).rejects(Object.assign(new Error('slow'), { name: 'ThrottlingException' }))],
    ['an error', () => location.on(SearchPlaceIndexForTextCommand).rejects(new Error('AccessDeniedException'))],
    ['a timeout', () => location.on(SearchPlaceIndexForTextCommand).callsFake(() => new Promise(() => undefined))],
  ])('falls back to the gazetteer on %s', async (_, arrange) => {
    arrange();
    const out = await findStores({ q: 'Boston' }, 1);
    expect(out.source).toBe('local');
    expect(out.stores[0]?.id).toBe('boston');
  });

  it('maps suggestions and falls back to the gazetteer when they fail', async () => {
    location.on(SearchPlaceIndexForSuggestionsCommand).resolves({ Results: [{ Text: 'Seattle, WA, USA' }, { Text: 'Seattle Center, WA, USA' }] } as never);
    expect(await suggestPlaces('Seat', 2)).toEqual({
      source: 'amazon-location',
      suggestions: [{ label: 'Seattle, WA, USA' }, { label: 'Seattle Center, WA, USA' }],
    });
    location.on(SearchPlaceIndexForSuggestionsCommand).rejects(new Error('down'));
    const local = await suggestPlaces('Seat', 2);
    expect(local.source).toBe('local');
    expect(local.suggestions[0]).toEqual({ label: 'Seattle, WA' });
  });

  it('estimates delivery with CalculateRoute from the nearest fulfilment store, and with the speed model when it fails', async () => {
    location.on(SearchPlaceIndexForTextCommand).resolves({ Results: [{ Place: { Label: 'Spokane, WA', Geometry: { Point: [-117.426, 47.6588] } } }] } as never);
    location.on(CalculateRouteCommand).resolves({ Summary: { Distance: 450, DurationSeconds: 15_000 } } as never);
    const monday = new Date('2030-01-07T10:00:00Z');
    const viaRoute = await estimateDelivery('Spokane, WA', 'standard', monday);
    const route = location.commandCalls(CalculateRouteCommand)[0]!.args[0].input;
    expect(route).toMatchObject({
      CalculatorName: 'storefront-routes',
      DeparturePosition: [-122.3351, 47.6106],
      DestinationPosition: [-117.426, 47.6588],
      TravelMode: 'Truck',
    });
    expect(viaRoute).toMatchObject({
      from: { storeId: 'sea-downtown' },
      minDays: 2,
      maxDays: 3,
      distanceKm: 450,
      earliest: '2030-01-09',
      source: 'amazon-location',
    });

    location.on(CalculateRouteCommand).rejects(Object.assign(new Error('slow'), { name: 'ThrottlingException' }));
    const modelled = await estimateDelivery('Spokane, WA', 'standard', monday);
    expect(modelled).toMatchObject({ minDays: 2, source: 'local' });
    expect(modelled!.distanceKm).toBeGreaterThan(350);
  });
});

describe('speed model', () => {
  it('adds handling and a day per 800 road km; express caps transit at 2 days', () => {
    expect(estimateDeliveryDays({ greatCircleKm: 10, method: 'standard' })).toEqual({ minDays: 2, maxDays: 3, roadKm: 13 });
    expect(estimateDeliveryDays({ greatCircleKm: 3900, method: 'standard' })).toMatchObject({ minDays: 8 });
    expect(estimateDeliveryDays({ greatCircleKm: 3900, method: 'express' })).toMatchObject({ minDays: 3 });
  });

  it('skips weekends', () => {
    expect(addBusinessDays(new Date('2030-01-11T12:00:00Z'), 1).toISOString().slice(0, 10)).toBe('2030-01-14');
  });
});
