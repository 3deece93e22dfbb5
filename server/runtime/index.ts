// Public entry of the process runtime helpers: singletons shared across Next's bundles (more join here: log-once,
// memo/LRU, rate limits).
export { processSingleton, dropProcessSingleton } from './singleton';
