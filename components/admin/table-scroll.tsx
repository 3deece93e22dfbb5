import type { ReactNode } from 'react';
import styles from './table-scroll.module.css';

// A wide table on a narrow screen scrolls inside this box instead of the whole page scrolling sideways (WCAG 1.4.10
// lets data tables scroll in two dimensions). The box is a named region in the tab order, so a keyboard user can
// scroll it with the arrow keys.
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to be scrolled by keyboard
    <section aria-label={label} tabIndex={0} className={styles.scroll}>
      {children}
    </section>
  );
}
