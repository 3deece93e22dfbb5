import {
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
  ScanCommand,
  type ScanCommandInput,
  type ScanCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../aws/clients';

// The one way to read past DynamoDB's 1 MB page, on the shared DocumentClient (so every page goes through the same
// retry strategy and observability middleware). A caller that has enough breaks out of its `for await`, which ends
// the paginator; `ExclusiveStartKey` in the input is where the first page starts.
//
// Not lib-dynamodb's paginateQuery/paginateScan: they check `client instanceof DynamoDBDocumentClient`, and the
// client is a process singleton shared by Next's separately bundled routes, so in the production build it is an
// instance of another bundle's copy of the class and every paginated read threw "Invalid client" (ADR 0016).
// Scans belong to batch jobs only (import, rebuild, erase): no request path may scan a table.

type Client = { client?: DynamoDBDocumentClient; abortSignal?: AbortSignal };

export async function* queryPages(input: QueryCommandInput, { client = dynamoDoc(), abortSignal }: Client = {}): AsyncGenerator<QueryCommandOutput> {
  let start = input.ExclusiveStartKey;
  do {
    const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: start }), { abortSignal });
    yield page;
    start = page.LastEvaluatedKey;
  } while (start);
}

export async function* scanPages(input: ScanCommandInput, { client = dynamoDoc(), abortSignal }: Client = {}): AsyncGenerator<ScanCommandOutput> {
  let start = input.ExclusiveStartKey;
  do {
    const page = await client.send(new ScanCommand({ ...input, ExclusiveStartKey: start }), { abortSignal });
    yield page;
    start = page.LastEvaluatedKey;
  } while (start);
}

/**
 * The first `limit` items of a query, reading on while a page comes back short (a page stops at 1 MB, and a filter
 * can empty it). A list that wants to know whether another page follows asks for `limit + 1`.
 */
export async function queryUpTo<T>(input: Omit<QueryCommandInput, 'Limit'>, limit: number, options?: Client): Promise<T[]> {
  const items: T[] = [];
  for await (const page of queryPages({ ...input, Limit: limit }, options)) {
    items.push(...((page.Items ?? []) as T[]));
    if (items.length >= limit) break;
  }
  return items.slice(0, limit);
}

/** Every item the query matches, all pages read. */
export async function queryAll<T>(input: QueryCommandInput, options?: Client): Promise<T[]> {
  const items: T[] = [];
  for await (const page of queryPages(input, options)) items.push(...((page.Items ?? []) as T[]));
  return items;
}

/** Every item of a scan, all pages read (batch jobs only). */
export async function scanAll<T>(input: ScanCommandInput, options?: Client): Promise<T[]> {
  const items: T[] = [];
  for await (const page of scanPages(input, options)) items.push(...((page.Items ?? []) as T[]));
  return items;
}

/** How many items the query matches (`Select: 'COUNT'`), all pages read. */
export async function queryCount(input: Omit<QueryCommandInput, 'Select'>, options?: Client): Promise<number> {
  let count = 0;
  for await (const page of queryPages({ ...input, Select: 'COUNT' }, options)) count += page.Count ?? 0;
  return count;
}

/**
 * A query's items one at a time, read lazily: the first page asks for `firstLimit` items, later pages for
 * `nextLimit` (a merge of shards reads a little from each, then more only from a shard it drains).
 */
export async function* queryItems<T>(
  input: Omit<QueryCommandInput, 'Limit'>,
  { firstLimit, nextLimit, ...options }: Client & { firstLimit: number; nextLimit: number },
): AsyncGenerator<T> {
  let limit = firstLimit;
  let start = input.ExclusiveStartKey;
  do {
    const page = await (options.client ?? dynamoDoc()).send(new QueryCommand({ ...input, ExclusiveStartKey: start, Limit: limit }), {
      abortSignal: options.abortSignal,
    });
    for (const item of page.Items ?? []) yield item as T;
    start = page.LastEvaluatedKey;
    limit = nextLimit;
  } while (start);
}
