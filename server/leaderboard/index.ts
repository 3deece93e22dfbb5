import 'server-only';

// Public entry of the leaderboard domain: reads for pages and route handlers, and the counting the orders-stream
// consumers do. Lambdas bundle with the `react-server` condition, under which 'server-only' is an empty module
// (sst.config.ts), so the consumers use this door too.
export type { TopSeller } from './contract';
// For the orders-stream consumers (server/streams): counting placed orders exactly once and keeping Redis in step.
export { type CountReport, countPlacedOrders } from './count-placed-orders';
// What counts as a sale (PLACED inserts, variants summed): the recommendations' co-purchase consumer counts the same orders.
export { toCountableOrder } from './countable-order';
export { getTopSellers, TOP_SELLERS_DEFAULT_LIMIT, TOP_SELLERS_MAX_LIMIT } from './get-top-sellers';
export { healLeaderboardIfNeeded } from './rebuild';
