// Public entry of the leaderboard domain for stream consumers: counting placed orders and keeping Redis in step.
// Free of 'server-only' and of the catalog on purpose, so the stream-subscribed Lambda and the in-process
// consumer started from instrumentation.ts can load it in plain Node.
export { type CountReport, countPlacedOrders } from './count-placed-orders';
export { healLeaderboardIfNeeded } from './rebuild';
