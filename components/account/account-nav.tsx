'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './account-forms.module.css';

const SECTIONS = [
  { href: '/account', label: 'Profile' },
  { href: '/account/addresses', label: 'Addresses' },
  { href: '/account/security', label: 'Security' },
  { href: '/account/privacy', label: 'Privacy' },
] as const;

/** The account area's sections; the current one is marked for assistive technology (aria-current). */
export function AccountNav() {
  const path = usePathname();
  const current = (href: string) => (href === '/account' ? path === href : path === href || path.startsWith(`${href}/`));
  return (
    <nav aria-label="Your account" className={styles.links}>
      {SECTIONS.map((s) => (
        <Link key={s.href} href={s.href} aria-current={current(s.href) ? 'page' : undefined}>
          {s.label}
        </Link>
      ))}
    </nav>
  );
}
