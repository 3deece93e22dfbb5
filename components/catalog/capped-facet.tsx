import type { ReactNode } from 'react';
import type { ValueFacet } from '@/server/search/contract';

/** How many of a long brand, size or colour list show before "Show all N". */
const SHOWN = 8;
/** A list this long or shorter shows whole: hiding one or two values behind a disclosure saves nothing. */
const WHOLE_UP_TO = SHOWN + 2;

/**
 * Splits a facet's values into those shown at once (the most-counted, and every ticked one, which must stay in view
 * to be unticked) and the rest. Both keep the list's own order (brands and colours A–Z, sizes small to large).
 */
export function capFacet(values: ValueFacet[], chosen: readonly string[] | undefined): { shown: ValueFacet[]; more: ValueFacet[] } {
  if (values.length <= WHOLE_UP_TO) return { shown: values, more: [] };
  const ticked = new Set(chosen ?? []);
  const top = new Set(
    [...values]
      .sort((a, b) => b.count - a.count)
      .slice(0, SHOWN)
      .map((f) => f.value),
  );
  const shown = values.filter((f) => top.has(f.value) || ticked.has(f.value));
  return { shown, more: values.filter((f) => !(top.has(f.value) || ticked.has(f.value))) };
}

/**
 * A brand, size or colour list capped at its most-counted values, the rest behind "Show all N" (a <details>, so it
 * opens without JavaScript). The search page's links (`list`: in a <ul>) and a category's checkboxes (bare, inside
 * their fieldset) both use it; a closed disclosure's checkboxes still submit with the form.
 */
export function CappedFacet({
  values,
  chosen,
  noun,
  list,
  render,
}: {
  values: ValueFacet[];
  chosen: readonly string[] | undefined;
  /** Plural, for "Show all 14 brands". */
  noun: string;
  list: boolean;
  render: (f: ValueFacet) => ReactNode;
}) {
  const { shown, more } = capFacet(values, chosen);
  const body = (part: ValueFacet[]) => (list ? <ul>{part.map(render)}</ul> : <div className="facet-more__values">{part.map(render)}</div>);
  return (
    <>
      {list ? body(shown) : shown.map(render)}
      {more.length > 0 ? (
        <details className="facet-more">
          <summary>
            Show all {values.length} {noun}
          </summary>
          {body(more)}
        </details>
      ) : null}
    </>
  );
}
