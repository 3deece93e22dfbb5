import { getConfig } from '../config';

/** The public origin used for canonical URLs, sitemaps and JSON-LD. */
export function siteUrl(path = '/'): string {
  return new URL(path, getConfig().SITE_URL).toString();
}
