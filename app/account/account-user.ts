import 'server-only';
import { redirect } from 'next/navigation';
import { getSessionUser, type SessionUser } from '@/server/identity';

/** The page's own session check (middleware's redirect is the first gate only, ADR 0004). */
export async function accountPageUser(path: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?${new URLSearchParams({ next: path })}`);
  return user;
}
