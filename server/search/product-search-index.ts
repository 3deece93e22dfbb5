import MiniSearch, { type SearchResult as MiniSearchResult } from 'minisearch';
import { isPublished } from '../catalog';
import type { ProductRecord } from '../catalog/contract';
import type { SearchSort } from './contract';
import { nameFromSlug, type SearchEntry, type SearchText, toSearchEntry, toSearchText } from './search-document';
import { comparatorFor, type RankedEntry } from './sort-orders';
import { didYouMeanOptions, queryTerms, searchTextOptions, textQuery, textSearchOptions } from './text-matching';

// The in-memory product index: MiniSearch for the text, a Map of compact entries for everything else.
// Mutations are synchronous, so a search never sees half an update.

export type TextMatch = RankedEntry;

/** Everything an index holds, as plain JSON (search-snapshot.ts writes it to S3 and reads it back). */
export type SearchIndexState = {
  text: unknown;
  entries: SearchEntry[];
  categories: { slug: string; name: string }[];
};

export class ProductSearchIndex {
  private text = new MiniSearch<SearchText>(searchTextOptions);
  private readonly entries = new Map<string, SearchEntry>();
  private readonly categoryNames = new Map<string, string>();
  /** Whole-catalog orders for browsing, computed on first use and dropped on any change. */
  private readonly browseOrders = new Map<SearchSort, readonly RankedEntry[]>();
  /** Words of product names and category names with how many products use them (suggest-search.ts). */
  private words: Map<string, number> | null = null;

  constructor(categories: Iterable<{ slug: string; name: string }> = []) {
    this.setCategoryNames(categories);
  }

  /**
   * Restores an index from `toState()`. MiniSearch checks its own serialisation format and throws on a foreign one;
   * the entries are trusted as written by `toState()` (search-snapshot.ts checks the schema version first).
   */
  static fromState(state: SearchIndexState): ProductSearchIndex {
    const index = new ProductSearchIndex(state.categories);
    // loadJS takes the parsed object, so the snapshot is parsed once as a whole rather than MiniSearch's part again.
    index.text = MiniSearch.loadJS(state.text as Parameters<typeof MiniSearch.loadJS>[0], searchTextOptions);
    for (const entry of state.entries) index.entries.set(entry.id, entry);
    if (index.text.documentCount !== index.entries.size) {
      throw new Error(`snapshot mismatch: ${index.text.documentCount} indexed documents, ${index.entries.size} entries`);
    }
    return index;
  }

  toState(): SearchIndexState {
    return {
      text: this.text.toJSON(),
      entries: [...this.entries.values()],
      categories: Array.from(this.categoryNames, ([slug, name]) => ({ slug, name })),
    };
  }

  get size(): number {
    return this.entries.size;
  }

  /** Insert or replace; applying the same record twice leaves the same index (stream replays rely on it). */
  upsert(record: ProductRecord): void {
    // An unpublished product is not searchable: its change arrives as an upsert and leaves the index.
    if (!isPublished(record)) {
      this.remove(record.id);
      return;
    }
    if (this.entries.has(record.id)) this.text.discard(record.id);
    this.text.add(toSearchText(record, this.categoryName(record.category)));
    this.entries.set(record.id, toSearchEntry(record));
    this.browseOrders.clear();
    this.words = null;
  }

  remove(id: string): void {
    if (!this.entries.has(id)) return;
    // discard() needs only the id; MiniSearch vacuums the stale postings in the background.
    this.text.discard(id);
    this.entries.delete(id);
    this.browseOrders.clear();
    this.words = null;
  }

  get(id: string): SearchEntry | undefined {
    return this.entries.get(id);
  }

  all(): IterableIterator<SearchEntry> {
    return this.entries.values();
  }

  /**
   * Every product in the given sort order. Sorting the whole catalog is the one costly step of browsing
   * (several ms at 10k products), so the order is kept until the next change. Callers must not mutate it.
   */
  browse(sort: SearchSort): readonly RankedEntry[] {
    let order = this.browseOrders.get(sort);
    if (!order) {
      order = Array.from(this.entries.values(), (entry) => ({ entry, score: 0, termsMatched: 0 })).sort(comparatorFor(sort, true));
      this.browseOrders.set(sort, order);
    }
    return order;
  }

  setCategoryNames(categories: Iterable<{ slug: string; name: string }>): void {
    for (const c of categories) this.categoryNames.set(c.slug, c.name);
    this.words = null;
  }

  knowsCategory(slug: string): boolean {
    return this.categoryNames.has(slug);
  }

  categoryName(slug: string): string {
    return this.categoryNames.get(slug) ?? nameFromSlug(slug);
  }

  /**
   * Products matching the query text, AND-ish. Products matching every word come first (see sort-orders.ts);
   * which products count as hits at all depends on the best match any product achieves: all of those words
   * for one- and two-word queries, one word fewer for longer ones. So an unknown extra word narrows gracefully
   * instead of emptying the page, and a word nobody has falls back to the others. Unordered.
   */
  matchText(q: string): TextMatch[] {
    const terms = queryTerms(q);
    const n = terms.length;
    if (n === 0) return [];
    // The common case first, with less work: some product has every word. For two words that is the answer;
    // for three or more, OR-matching is still needed but only products missing at most one word are kept,
    // which spares ranking the long tail of single-word matches.
    if (n === 2) {
      const all = this.search(terms, 'AND', 0);
      if (all.length > 0) return all;
    } else if (n >= 3) {
      const nearly = this.search(terms, 'OR', n - 1);
      if (nearly.some((m) => m.termsMatched === n)) return nearly;
    }
    const any = this.search(terms, 'OR', 0);
    let best = 0;
    for (const m of any) best = Math.max(best, m.termsMatched);
    const required = n >= 3 ? Math.max(1, best - 1) : best;
    return any.filter((m) => m.termsMatched >= required);
  }

  private search(terms: string[], combineWith: 'AND' | 'OR', minTermsMatched: number): TextMatch[] {
    const { query, termOf } = textQuery(terms, combineWith);
    const termsMatched = (hit: MiniSearchResult) => new Set(hit.queryTerms.map((t) => termOf.get(t) ?? t)).size;
    const hits = this.text.search(query, {
      ...textSearchOptions,
      filter: minTermsMatched > 0 ? (hit) => termsMatched(hit) >= minTermsMatched : undefined,
    });
    const matches: TextMatch[] = [];
    for (const hit of hits) {
      const entry = this.entries.get(hit.id as string);
      if (entry) matches.push({ entry, score: hit.score, termsMatched: termsMatched(hit) });
    }
    return matches;
  }

  /** Corrected queries built from words in the index, best first; never the query itself. */
  suggestQueries(q: string, limit = 3): string[] {
    const terms = queryTerms(q);
    if (terms.length === 0) return [];
    const asked = terms.join(' ');
    const seen = new Set<string>([asked]);
    const out: string[] = [];
    const strict = this.text.autoSuggest(asked, didYouMeanOptions);
    // Fall back to any single corrected word when no product holds corrections of all of them.
    const loose = strict.length > 0 ? [] : this.text.autoSuggest(asked, { ...didYouMeanOptions, combineWith: 'OR' });
    for (const s of [...strict, ...loose]) {
      if (seen.has(s.suggestion)) continue;
      seen.add(s.suggestion);
      out.push(s.suggestion);
      if (out.length >= limit) break;
    }
    return out;
  }

  /**
   * Whether the words match as typed (the last one may be the start of a word), with no typo tolerance: when they
   * do not but a search still finds products, the results came from a corrected spelling and the page says so.
   */
  matchesAsTyped(q: string): boolean {
    const terms = queryTerms(q);
    if (terms.length === 0) return true;
    const hits = this.text.search(
      { combineWith: 'AND', queries: terms.map((term, i) => ({ queries: [term], prefix: i === terms.length - 1, fuzzy: false })) },
      textSearchOptions,
    );
    return hits.length > 0;
  }

  /**
   * The shop's headline vocabulary: words of product names and category names, each with the number of
   * products using it. Built on first use after a change (a few ms at 10k products), for the type-ahead only.
   */
  vocabulary(): ReadonlyMap<string, number> {
    if (this.words) return this.words;
    const words = new Map<string, number>();
    for (const entry of this.entries.values()) {
      const seen = new Set(queryTerms(`${entry.summary.name} ${this.categoryName(entry.category)}`));
      for (const w of seen) if (w.length > 2) words.set(w, (words.get(w) ?? 0) + 1);
    }
    this.words = words;
    return words;
  }
}
