'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './admin-nav.module.css';

export type AdminSection = { title: string; links: { href: string; label: string }[] };

// The longest matching link is the current page, so /admin/orders/dead-letters marks "Dead letters", not "Orders".
function currentHref(path: string, sections: AdminSection[]): string | undefined {
  const hrefs = sections.flatMap((s) => s.links.map((l) => l.href)).filter((h) => path === h || path.startsWith(`${h}/`));
  return hrefs.sort((a, b) => b.length - a.length)[0];
}

/** The admin pages the signed-in user's groups open, by team; the current one is marked for assistive technology. */
export function AdminNav({ sections }: { sections: AdminSection[] }) {
  const path = usePathname();
  if (sections.length === 0) return null;
  const current = currentHref(path, sections);
  return (
    <nav aria-label="Back office" className={styles.nav}>
      {sections.map((s) => (
        <div key={s.title} className={styles.group}>
          <h2 className={styles.title}>{s.title}</h2>
          <ul className={styles.links}>
            {s.links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} aria-current={l.href === current ? 'page' : undefined}>
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
