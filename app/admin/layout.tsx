import Link from 'next/link';
import type { ReactNode } from 'react';
import { sectionsFor } from '@/app/admin/sections';
import { SignOutButton } from '@/components/account/sign-out-button';
import { AdminNav } from '@/components/admin/admin-nav';
import styles from '@/components/admin/admin-shell.module.css';
import { getSessionUser } from '@/server/identity';

// The back office's own frame: no shop header, category bar or assistant (components/layout/shop-frame.tsx leaves
// /admin to this layout). The navigation follows the verified session's groups; each page checks its own group
// itself through staffUser (a layout is not a security boundary).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  // The navigation is a convenience: if the session cannot be read now, the page (which checks it itself and shows
  // the outage) renders without it rather than failing twice.
  const user = await getSessionUser().catch(() => null);
  const sections = sectionsFor(user);
  return (
    <div className={styles.shell}>
      <header className={styles.bar}>
        <Link href="/admin" className={styles.brand}>
          Trail &amp; Table <span>Back office</span>
        </Link>
        <div className={styles.who}>
          {user ? <span className={styles.name}>{user.name}</span> : null}
          <Link href="/">Back to the shop</Link>
          {user ? <SignOutButton /> : null}
        </div>
      </header>
      <div className={styles.body}>
        <AdminNav sections={sections} />
        <main id="main" tabIndex={-1} className={styles.main}>
          {children}
        </main>
      </div>
    </div>
  );
}
