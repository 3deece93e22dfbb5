import type { Place } from './contract';
import { type GazetteerCity, usCities, zipcodes } from './gazetteer-data';

// Local geocoding: a ZIP code anywhere in the text wins (its centroid); otherwise the text's comma-separated parts
// are tried as "city", "city, state" or "state city" against GeoNames, most populous match first. Street numbers
// cannot be placed offline, so an address resolves to its ZIP or city centre (docs/locations.md).

const ZIP = /\b(\d{5})(?:-\d{4})?\b/;
const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

let byName: Map<string, GazetteerCity[]> | undefined;
function cityIndex(): Map<string, GazetteerCity[]> {
  if (!byName) {
    byName = new Map();
    for (const c of usCities()) {
      const key = fold(c.name);
      const list = byName.get(key);
      if (list) list.push(c);
      else byName.set(key, [c]);
    }
  }
  return byName;
}

function stateCode(text: string): string | undefined {
  const t = text.trim();
  if (/^[A-Za-z]{2}$/.test(t)) return t.toUpperCase();
  return zipcodes().states.normalize(t.toUpperCase()) ?? undefined;
}

const cityPlace = (c: GazetteerCity): Place => ({ lat: c.lat, lng: c.lng, label: `${c.name}, ${c.region}`, kind: 'city' });

// What people type for the places GeoNames names differently.
const ALIASES: Record<string, string> = {
  'new york': 'new york city',
  nyc: 'new york city',
  'washington dc': 'washington',
  sf: 'san francisco',
  'st louis': 'saint louis',
  'st paul': 'saint paul',
};

function findCity(name: string, region: string | undefined): GazetteerCity | undefined {
  const key = fold(name);
  const matches = cityIndex().get(ALIASES[key] ?? key) ?? [];
  return region ? matches.find((c) => c.region === region) : matches[0];
}

export function geocodeLocal(query: string): Place | null {
  const zip = ZIP.exec(query)?.[1];
  if (zip) {
    const z = zipcodes().lookup(zip);
    if (z) return { lat: z.latitude, lng: z.longitude, label: `${z.city}, ${z.state} ${z.zip}`, kind: 'postcode' };
  }
  const parts = query
    .split(',')
    .map((p) => p.replace(ZIP, '').trim())
    .filter(Boolean);
  // "Seattle, WA", "1 Main St, Portland, Oregon": the part before a state is the city.
  for (let i = parts.length - 1; i >= 0; i--) {
    const region = i + 1 < parts.length ? stateCode(parts[i + 1]!) : undefined;
    const hit = findCity(parts[i]!, region);
    if (hit) return cityPlace(hit);
  }
  // "Portland OR", "austin texas": try the last one or two words as a state.
  const words = fold(query.replace(ZIP, '')).split(' ').filter(Boolean);
  for (const n of [2, 1]) {
    if (words.length <= n) continue;
    const region = stateCode(words.slice(-n).join(' '));
    const hit = region ? findCity(words.slice(0, -n).join(' '), region) : undefined;
    if (hit) return cityPlace(hit);
  }
  return null;
}

/** The state code (or territory / military code: PR, GU, AE…) of a US ZIP code; undefined when the ZIP is unknown. */
export function stateOfUsZip(zip: string): string | undefined {
  return zipcodes().lookup(zip.slice(0, 5))?.state;
}

/** Type-ahead: ZIP prefixes or city-name prefixes, most populous first. */
export function suggestLocal(prefix: string, limit: number): Place[] {
  const text = fold(prefix);
  if (text.length < 2) return [];
  if (/^\d{5}$/.test(text)) {
    const place = geocodeLocal(text);
    return place ? [place] : [];
  }
  const out: Place[] = [];
  for (const c of usCities()) {
    if (fold(c.name).startsWith(text)) out.push(cityPlace(c));
    if (out.length >= limit) break;
  }
  return out;
}
