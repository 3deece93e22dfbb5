'use client';

import { usePathname } from 'next/navigation';
import { type ReactNode, useEffect, useRef } from 'react';

// The phone header's "Menu" (issue 27): a <details> disclosure, so it opens without JavaScript; this island only
// closes it after a client-side navigation (the header stays mounted) and on Escape. Hidden on wider screens, where
// the same links stand in the header row.
export function HeaderMenu({ children }: { children: ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing on every new path is the point
  useEffect(() => {
    if (details.current) details.current.open = false;
  }, [pathname]);
  return (
    <details
      ref={details}
      className="header-menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && details.current?.open) {
          details.current.open = false;
          details.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary>
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
          <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        Menu
      </summary>
      <div className="header-menu__panel">{children}</div>
    </details>
  );
}
