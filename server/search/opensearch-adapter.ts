import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { type API, Client } from '@opensearch-project/opensearch';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws-v3';
import { isPublished } from '../catalog';
import type { ProductRecord } from '../catalog/contract';
import { getConfig } from '../platform/config';
import { processSingleton, ttlMemo } from '../platform/runtime';
import type { SearchParams, SearchResult } from './contract';
import { PRODUCT_INDEX_BODY, toOpenSearchProduct } from './opensearch-document';
import { buildSearchBody } from './opensearch-request';
import { type OpenSearchSearchResponse, toSearchResult } from './opensearch-response';
import { planSearch } from './run-search';
import { scanCategoryNames } from './scan-catalog-tables';
import { nameFromSlug } from './search-document';
import type { SearchIndexChange } from './search-index-store';

// The OpenSearch engine behind the search domain's entry (server/search/index.ts; docs/search.md "OpenSearch"):
// an OpenSearch Serverless collection (SigV4 service `aoss`) or a managed domain (`es`), or, for a local or test
// cluster with security off, no signing (`none`). The official client with its SigV4 signer; credentials from the
// AWS SDK's default chain (the Lambda role on AWS). Searches are one _search (two when the strict words find nothing);
// writes are _bulk by product id, so a replayed stream batch writes the same documents again.
//
// Not tested against a real OpenSearch here (none runs on this machine): the request and response translation is
// unit-tested, and search-engines.int.test.ts runs the engine-independent cases against a cluster only when
// OPENSEARCH_ENDPOINT is set.

type Settings = { endpoint: string; index: string; service: 'aoss' | 'es' | 'none'; region: string };

function settings(): Settings {
  const { OPENSEARCH_ENDPOINT, OPENSEARCH_INDEX, OPENSEARCH_SERVICE, AWS_REGION } = getConfig();
  if (!OPENSEARCH_ENDPOINT) throw new Error('Invalid configuration: SEARCH_ENGINE=opensearch needs OPENSEARCH_ENDPOINT');
  return { endpoint: OPENSEARCH_ENDPOINT, index: OPENSEARCH_INDEX, service: OPENSEARCH_SERVICE, region: AWS_REGION };
}

/** A client for one endpoint (the tests point one at their own index). */
export function openSearchClient(s: Settings = settings()): Client {
  const signing = s.service === 'none' ? {} : AwsSigv4Signer({ region: s.region, service: s.service, getCredentials: defaultProvider() });
  // A search is on a page's path: fail within a couple of seconds and let the embedded engine answer.
  return new Client({ ...signing, node: s.endpoint, requestTimeout: 2_000, maxRetries: 1 });
}

function shared(): { client: Client; index: string } {
  return processSingleton('search:opensearch', () => {
    const s = settings();
    return { client: openSearchClient(s), index: s.index };
  });
}

/** Where the adapter reads and writes; `categoryName` names categories instead of the catalog (tests' own fixtures). */
export type OpenSearchTarget = { client: Client; index: string; categoryName?: (slug: string) => string };
type Target = OpenSearchTarget;

/** One search through OpenSearch. AppErrors for bad parameters come from planSearch, before any request. */
export async function searchOpenSearch(params: SearchParams, target: Target = shared()): Promise<SearchResult> {
  const plan = planSearch(params);
  const ask = async (relaxed: boolean) =>
    (await target.client.search({ index: target.index, body: buildSearchBody(plan, { relaxed }) as API.Search_RequestBody }))
      .body as unknown as OpenSearchSearchResponse;
  let response = await ask(false);
  // As the embedded engine: when no product has the words as asked, fall back to any of them.
  if (!plan.browsing && plan.text.includes(' ') && (response.aggregations?.matched?.doc_count ?? 0) === 0) response = await ask(true);
  return toSearchResult(plan, response);
}

/** Creates the index with its mapping when it is not there yet. */
export async function ensureOpenSearchIndex(target: Target = shared()): Promise<void> {
  const exists = await target.client.indices.exists({ index: target.index });
  if (exists.body) return;
  await target.client.indices.create({ index: target.index, body: PRODUCT_INDEX_BODY as unknown as API.Indices_Create_RequestBody });
}

// The category names, read as the embedded index reads them on the stream path (scan-catalog-tables.ts: the catalog's
// 'use cache' reads do not run in a stream Lambda or a script), kept a minute: categories change rarely.
const categoryMemo = ttlMemo('search:opensearch-category-names', { ttlMs: 60_000, max: 1 });

async function categoryNames(): Promise<(slug: string) => string> {
  const names = new Map((await categoryMemo.get('all', scanCategoryNames)).map((c) => [c.slug, c.name]));
  // A product whose category is not listed (yet) gets a name from its slug, as in the embedded index.
  return (slug) => names.get(slug) ?? nameFromSlug(slug);
}

/** Bulk operations for changes in order: an upsert of a published product indexes it, anything else deletes it. */
export function bulkOperations(index: string, changes: readonly SearchIndexChange[], categoryName: (slug: string) => string): Record<string, unknown>[] {
  return changes.flatMap((c): Record<string, unknown>[] => {
    if (c.type === 'upsert' && isPublished(c.record)) {
      return [{ index: { _index: index, _id: c.record.id } }, toOpenSearchProduct(c.record, categoryName(c.record.category))];
    }
    const id = c.type === 'upsert' ? c.record.id : c.id;
    return [{ delete: { _index: index, _id: id } }];
  });
}

type BulkItem = Record<string, { status: number; error?: unknown }>;

/**
 * Applies product changes (the products stream, server/streams/products-stream). Throws when any write failed other
 * than deleting what is not there, so the stream retries the batch; every write is by id, so a retry is harmless.
 */
export async function applyOpenSearchChanges(changes: readonly SearchIndexChange[], target: Target = shared()): Promise<void> {
  if (changes.length === 0) return;
  const body = bulkOperations(target.index, changes, target.categoryName ?? (await categoryNames()));
  const res = await target.client.bulk({ body });
  const items = (res.body as { errors?: boolean; items?: BulkItem[] }).items ?? [];
  const failed = items.flatMap((item) => Object.values(item)).filter((r) => r.error !== undefined && !(r.status === 404));
  if (failed.length > 0)
    throw new Error(`OpenSearch bulk write failed for ${failed.length} of ${changes.length} changes: ${JSON.stringify(failed[0]).slice(0, 300)}`);
}

/** Loads every given product (a batch job: the first load of a new collection, or a rebuild). */
export async function indexAllInOpenSearch(records: AsyncIterable<ProductRecord> | Iterable<ProductRecord>, target: Target = shared()): Promise<number> {
  await ensureOpenSearchIndex(target);
  let batch: SearchIndexChange[] = [];
  let count = 0;
  for await (const record of records) {
    batch.push({ type: 'upsert', record });
    if (batch.length === 500) {
      await applyOpenSearchChanges(batch, target);
      count += batch.length;
      batch = [];
    }
  }
  await applyOpenSearchChanges(batch, target);
  return count + batch.length;
}
