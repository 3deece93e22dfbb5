/**
 * The results page's own search box, filled in on the server from `q`: the header's box is part of the cached shared
 * layout and cannot know the words (SearchBoxValue fills it only after hydration), so without script this is where
 * the shopper sees what they searched for and changes it. A plain GET form; a new search starts without filters,
 * like the header's.
 */
export function SearchAgainForm({ q }: { q: string }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: role="search" on the form itself, like the header's (components/layout/site-header.tsx)
    <form className="search-again" role="search" aria-label="Search again" action="/search" method="get">
      <label htmlFor="search-again-q">Your search</label>
      <span className="search-again__row">
        <input id="search-again-q" type="search" name="q" defaultValue={q} maxLength={200} autoComplete="off" enterKeyHint="search" />
        <button type="submit" className="button">
          Search again
        </button>
      </span>
    </form>
  );
}
