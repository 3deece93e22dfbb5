import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { sectionsFor } from '@/app/admin/sections';
import { AccessDenied } from '@/components/admin/access-denied';
import styles from '@/components/admin/admin-shell.module.css';
import { getSessionUser } from '@/server/identity';

// /admin, where the shop header's "Back office" link lands: the consoles the signed-in user's groups open.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Back office', robots: { index: false, follow: false } };

export default async function BackOfficeHome() {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?${new URLSearchParams({ next: '/admin' })}`);
  const sections = sectionsFor(user);
  if (sections.length === 0) return <AccessDenied what="the back office" team="the marketing and operations teams" group="marketers or operations" />;
  return (
    <>
      <h1>Back office</h1>
      <div className={styles.home}>
        {sections.map((s) => (
          <section key={s.title} aria-labelledby={`home-${s.title}`} className={styles.card}>
            <h2 id={`home-${s.title}`}>{s.title}</h2>
            <ul>
              {s.links.map((l) => (
                <li key={l.href}>
                  <Link href={l.href}>{l.label}</Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
