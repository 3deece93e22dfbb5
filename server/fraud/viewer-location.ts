import type { GeoPoint } from '../locations';
import { getConfig } from '../platform/config';

// Where the client is, as CloudFront tells the origin (CloudFront-Viewer-Latitude / -Longitude, forwarded by the
// server's origin request policy in sst.config.ts). Read only behind our own proxies (TRUSTED_PROXY_HOPS > 0):
// without CloudFront in front a client could write any place into these headers. Locally there is none.

export function viewerLocation(headers: Headers): GeoPoint | undefined {
  if (getConfig().TRUSTED_PROXY_HOPS === 0) return undefined;
  const lat = Number(headers.get('cloudfront-viewer-latitude'));
  const lng = Number(headers.get('cloudfront-viewer-longitude'));
  const present = headers.has('cloudfront-viewer-latitude') && headers.has('cloudfront-viewer-longitude');
  if (!present || !Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return undefined;
  return { lat, lng };
}
