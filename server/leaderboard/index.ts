import 'server-only';

export { getTopSellers, TOP_SELLERS_DEFAULT_LIMIT, TOP_SELLERS_MAX_LIMIT } from './get-top-sellers';
// Public entry of the leaderboard domain for pages and route handlers (reads). Stream consumers, which also run
// outside Next (a Lambda, instrumentation), use ./writer instead: that door does not import 'server-only',
// which throws in plain Node.
export type { TopSeller } from './types';
