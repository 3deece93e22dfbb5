// Distances in the shopper's units (issue 27): miles where road signs are in miles, kilometres elsewhere. Client-safe
// (the assistant's panel formats store distances too); exported through contract.ts.

export type DistanceUnit = 'mi' | 'km';

const KM_PER_MILE = 1.609344;

/** Where distances are signposted in miles: the US, the UK, Liberia and Myanmar. */
const MILE_REGIONS = new Set(['US', 'GB', 'LR', 'MM']);

/**
 * The unit for a locale or an Accept-Language header ("en-GB", "fr-CA,fr;q=0.9"): its first region decides. A
 * language with no region ("en") falls back to the shop's own country, the US: miles.
 */
export function distanceUnitFor(locale: string | null | undefined): DistanceUnit {
  const first = (locale ?? '').split(',')[0]?.split(';')[0]?.trim() ?? '';
  const region = first
    .split(/[-_]/)
    .slice(1)
    .find((part) => /^[A-Za-z]{2}$/.test(part))
    ?.toUpperCase();
  if (!region) return 'mi';
  return MILE_REGIONS.has(region) ? 'mi' : 'km';
}

/** "0.4 mi", "3.2 mi", "27 mi": one decimal under ten, whole numbers above. */
export function formatDistance(km: number, unit: DistanceUnit): string {
  const value = unit === 'mi' ? km / KM_PER_MILE : km;
  const shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${shown.toLocaleString('en-US')} ${unit}`;
}

/**
 * A scale bar for a map `widthPx` wide showing `widthKm` across: the longest round length (1, 2 or 5 times a power
 * of ten, in the shopper's unit) that fits in `maxPx`.
 */
export function scaleBar(widthKm: number, widthPx: number, unit: DistanceUnit, maxPx = 120): { px: number; label: string } {
  const perPx = (unit === 'mi' ? widthKm / KM_PER_MILE : widthKm) / widthPx;
  const most = perPx * maxPx;
  const power = 10 ** Math.floor(Math.log10(most));
  const step = [5, 2, 1].map((m) => m * power).find((v) => v <= most) ?? power;
  return { px: Math.round((step / perPx) * 10) / 10, label: `${step.toLocaleString('en-US')} ${unit}` };
}
