import { redirect } from 'next/navigation';
import { AccessDenied } from '@/components/admin/access-denied';
import { getSessionUser, isOperations, type SessionUser } from '@/server/identity';

// The /admin/orders pages' own check of the verified session and group (ADR 0004): middleware only asked for a
// session, and the routes the islands call check again.
export async function operationsUser(next: string): Promise<{ user: SessionUser; denied: null } | { user: null; denied: React.ReactElement }> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?${new URLSearchParams({ next })}`);
  if (!isOperations(user)) return { user: null, denied: <AccessDenied what="the operations console" team="the operations team" group="operations" /> };
  return { user, denied: null };
}
