import { redirect } from 'next/navigation';
import { AccessDenied } from '@/components/admin/access-denied';
import { MARKETERS_GROUP } from '@/server/flags';
import { getSessionUser, type SessionUser } from '@/server/identity';

// The /admin/products pages' own check of the verified session and group (ADR 0004): middleware only asked for a
// session; the action and routes behind check again.
export async function marketerUser(next: string): Promise<{ user: SessionUser; denied: null } | { user: null; denied: React.ReactElement }> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?${new URLSearchParams({ next })}`);
  if (!user.groups.includes(MARKETERS_GROUP)) return { user: null, denied: <AccessDenied what="product editing" /> };
  return { user, denied: null };
}
