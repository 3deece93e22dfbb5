'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './admin-nav.module.css';

export type AdminSection = { href: string; label: string };

/** The admin pages the signed-in user's groups open; the current one is marked for assistive technology. */
export function AdminNav({ sections }: { sections: AdminSection[] }) {
  const path = usePathname();
  if (sections.length === 0) return null;
  return (
    <nav aria-label="Admin" className={styles.links}>
      {sections.map((s) => (
        <Link key={s.href} href={s.href} aria-current={path === s.href || path.startsWith(`${s.href}/`) ? 'page' : undefined}>
          {s.label}
        </Link>
      ))}
    </nav>
  );
}
