import { cookies } from 'next/headers';
import { ANON_COOKIE, getSessionUser, validAnonId } from '../identity';
import type { Interaction } from './record-interaction';

/**
 * Who is acting in this request: the verified user, else the anonymous id middleware set; null for neither.
 * Never throws: not knowing the actor only means the interaction goes unrecorded.
 */
export async function currentInteractionActor(): Promise<Interaction['actor'] | null> {
  try {
    const user = await getSessionUser();
    if (user) return { userId: user.id };
    const anonId = validAnonId((await cookies()).get(ANON_COOKIE)?.value);
    return anonId ? { anonId } : null;
  } catch {
    return null;
  }
}
