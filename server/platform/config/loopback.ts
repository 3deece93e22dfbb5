// One answer to "is this a developer's own machine?", for every place that relaxes something there: cookies
// without Secure (browsers drop Secure cookies on plain-http localhost), no HSTS, no upgrade-insecure-requests.

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || hostname.endsWith('.localhost');
}

/** A plain-http loopback site (SITE_URL in local runs): the only place cookies go without Secure. */
export function isLocalPlainHttpSite(siteUrl: string): boolean {
  const url = new URL(siteUrl);
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}
