// npm run search:reindex: loads every product into the OpenSearch index named by OPENSEARCH_ENDPOINT and
// OPENSEARCH_INDEX (docs/search.md "OpenSearch"), for a new collection before SEARCH_ENGINE=opensearch is switched on.
// A batch job: one Scan of the products table. Needs the AWS credentials of a role allowed to read the table and
// write the collection (data access policy `aoss:WriteDocument`, `aoss:CreateIndex`).
import { reindexOpenSearch } from '../server/search';

const started = Date.now();
const written = await reindexOpenSearch();
console.log(`search:reindex: ${written} products written to OpenSearch in ${Math.round((Date.now() - started) / 1000)} s`);
