import type { Place, StoreWithDistance } from '@/server/locations';

// A map-like view that needs no tiles and no network: the search origin and the stores plotted on an
// equirectangular projection of their bounding box. Decorative for screen readers (the list carries the facts).

export function StoreMap({ origin, stores }: { origin: Place; stores: StoreWithDistance[] }) {
  const points = [origin, ...stores];
  const pad = 0.05;
  const minLat = Math.min(...points.map((p) => p.lat)) - pad;
  const maxLat = Math.max(...points.map((p) => p.lat)) + pad;
  const minLng = Math.min(...points.map((p) => p.lng)) - pad;
  const maxLng = Math.max(...points.map((p) => p.lng)) + pad;
  const x = (lng: number) => 20 + ((lng - minLng) / (maxLng - minLng)) * 360;
  const y = (lat: number) => 20 + ((maxLat - lat) / (maxLat - minLat)) * 210;
  return (
    <svg viewBox="0 0 400 250" role="img" aria-label={`Map of the ${stores.length} nearest stores to ${origin.label}`} className="store-map">
      <rect x="0" y="0" width="400" height="250" rx="8" fill="#eef4f1" />
      {stores.map((s, i) => (
        <g key={s.id}>
          <circle cx={x(s.lng)} cy={y(s.lat)} r="9" fill="#0b5d4b" />
          <text x={x(s.lng)} y={y(s.lat) + 4} textAnchor="middle" fontSize="10" fill="#fff">
            {i + 1}
          </text>
        </g>
      ))}
      <circle cx={x(origin.lng)} cy={y(origin.lat)} r="6" fill="#c2410c" stroke="#fff" strokeWidth="2" />
    </svg>
  );
}
