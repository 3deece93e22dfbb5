import Link from 'next/link';

// What a signed-in shopper outside the page's group sees on /admin pages. The API behind answers 403 either way.
export function AccessDenied({ what, team = 'the marketing team', group = 'marketers' }: { what: string; team?: string; group?: string }) {
  return (
    <section aria-labelledby="denied-title">
      <h1 id="denied-title">You do not have access to {what}</h1>
      <p>
        This page is for {team}. If you need access, ask an administrator to add your account to the {group} group.
      </p>
      <p>
        <Link className="button" href="/">
          Back to the shop
        </Link>
      </p>
    </section>
  );
}
