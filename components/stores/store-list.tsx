import type { StoreWithDistance } from '@/server/locations';

export function StoreList({ stores }: { stores: StoreWithDistance[] }) {
  return (
    <ol className="store-list" aria-label="Nearest stores">
      {stores.map((s) => (
        <li key={s.id}>
          <h3>{s.name}</h3>
          <p>
            {s.address.line1}, {s.address.city}, {s.address.region} {s.address.postalCode} · <strong>{s.distanceKm.toLocaleString('en-US')} km</strong> away
          </p>
          <dl className="store-hours">
            {s.hours.map((h) => (
              <div key={h.days}>
                <dt>{h.days}</dt>
                <dd>
                  {h.open}–{h.close}
                </dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ol>
  );
}
