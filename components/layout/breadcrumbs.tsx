import { IntentLink } from '@/components/layout/intent-link';

export type Crumb = { name: string; href?: string };

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <ol>
        {items.map((c, i) => (
          <li key={c.href ?? `current:${c.name}`}>
            {c.href && i < items.length - 1 ? <IntentLink href={c.href}>{c.name}</IntentLink> : <span aria-current="page">{c.name}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
