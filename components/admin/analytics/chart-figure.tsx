import type { ReactNode } from 'react';
import styles from './analytics.module.css';

// One chart: the question it answers, the server-drawn SVG, and the same numbers as a table in an open disclosure
// (the table is the accessible alternative and the exact figures; a sighted reader may fold it away).
export function ChartFigure({ id, title, question, svg, table }: { id: string; title: string; question: string; svg: string | null; table: ReactNode }) {
  return (
    <section className={styles.panel} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className={styles.question}>{question}</p>
      {svg ? (
        <figure className={styles.chart}>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: SVG drawn on the server by Observable Plot from our own numbers; Plot writes labels as text nodes, which are escaped */}
          <div dangerouslySetInnerHTML={{ __html: svg }} />
          <figcaption className="visually-hidden">{title}: the table below has the same numbers.</figcaption>
        </figure>
      ) : null}
      <details open>
        <summary>Data table: {title.toLowerCase()}</summary>
        {/* Focusable with a name: when a long cell makes the table scroll sideways on a phone, keyboards reach it too. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (axe scrollable-region-focusable) */}
        <section className={styles.tableWrap} aria-label={`Data table: ${title.toLowerCase()}`} tabIndex={0}>
          {table}
        </section>
      </details>
    </section>
  );
}
