import { redirect } from 'next/navigation';
import type { ReactElement } from 'react';
import { AccessDenied } from '@/components/admin/access-denied';
import { getSessionUser, hasRole, MARKETERS_GROUP, type SessionUser, type StaffRole } from '@/server/identity';

// The /admin pages' one check of the verified session and role (ADR 0004): middleware only asked for a session;
// the actions and routes behind check again. Without a session: to sign-in and back; outside the role: the page
// shows who it is for instead of its content.
export async function staffUser(
  role: StaffRole,
  next: string,
  what: string,
): Promise<{ user: SessionUser; denied: null } | { user: null; denied: ReactElement }> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?${new URLSearchParams({ next })}`);
  if (hasRole(user, role)) return { user, denied: null };
  const denied = role === MARKETERS_GROUP ? <AccessDenied what={what} /> : <AccessDenied what={what} team="the operations team" group="operations" />;
  return { user: null, denied };
}
