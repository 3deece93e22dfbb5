// Words and dates the emails share with nobody else: dates in one format ("Thursday, December 10, 2026"), in UTC
// because an email cannot know its reader's zone (the order page shows local time instead).

const longFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' });

export function longDate(iso: string): string {
  return longFormat.format(new Date(iso));
}

/** A calendar date (`2026-12-10`, as estimates are kept) in words: "Thursday, December 10". */
export function calendarDate(isoDate: string): string {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? `${isoDate}T12:00:00Z` : isoDate);
  return Number.isNaN(d.getTime()) ? isoDate : dayFormat.format(d);
}

/** `visa` → `Visa`, `amex` → `Amex`: the card brand as a sentence shows it. */
export function cardBrand(brand: string): string {
  return brand ? `${brand.charAt(0).toUpperCase()}${brand.slice(1)}` : 'card';
}

export function optionsLabel(options: Record<string, string>): string {
  return Object.entries(options)
    .map(([k, v]) => `${k.charAt(0).toUpperCase()}${k.slice(1)}: ${v}`)
    .join(' · ');
}

export { carrierTrackingPath as carrierTrackingUrl, REFUND_REASON_LABELS as REFUND_WORDS } from '../../orders/contract';
