// Whether an event may be collected at all. Nothing is collected when anything says no:
//   - the shopper's own analytics choice, when their account has one (`consent`, resolved by the caller from the
//     account's consent store and passed in: this domain does not read it), set to 'denied';
//   - Global Privacy Control (`Sec-GPC: 1`) or Do-Not-Track (`DNT: 1`) from the browser.
// A shopper who granted consent and later sends GPC is not tracked: the browser signal is the more recent say.
// Without any of these, first-party analytics is collected: events hold no contact details (event-schema.ts).

export type AnalyticsConsent = 'granted' | 'denied';

export type ConsentSignals = {
  /** The account's analytics consent, when the shopper has an account and has made a choice. */
  consent?: AnalyticsConsent | null;
  /** The request's headers (only Sec-GPC and DNT are read). */
  headers?: Pick<Headers, 'get'> | null;
};

export function browserOptedOut(headers: Pick<Headers, 'get'> | null | undefined): boolean {
  if (!headers) return false;
  return headers.get('sec-gpc')?.trim() === '1' || headers.get('dnt')?.trim() === '1';
}

export function mayCollect(signals: ConsentSignals): boolean {
  if (signals.consent === 'denied') return false;
  return !browserOptedOut(signals.headers);
}
