import { IntentLink } from '@/components/layout/intent-link';

export type FilterChip = { label: string; href: string };

/**
 * The filters in force as removable chips, and "Clear all": each a link, so removing one is one step back to fewer
 * and works without JavaScript. The category page (components/catalog/category-filters.tsx) and the search results
 * (components/search/search-active-filters.tsx) build the chips from their own URLs.
 */
export function FilterChips({ chips, clearHref }: { chips: FilterChip[]; clearHref: string }) {
  if (chips.length === 0) return null;
  return (
    <nav className="active-filters" aria-label="Active filters">
      <ul>
        {chips.map((c) => (
          <li key={c.label}>
            <IntentLink className="chip" href={c.href}>
              <span className="visually-hidden">Remove filter: </span>
              {c.label} <span aria-hidden="true">✕</span>
            </IntentLink>
          </li>
        ))}
        <li>
          <IntentLink href={clearHref}>Clear all</IntentLink>
        </li>
      </ul>
    </nav>
  );
}
