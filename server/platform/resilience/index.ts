// Public entry of the resilience helpers of the adapters to services that have a local engine (Personalize, Location,
// Lex): a time budget with a fallback, and one log line per failure kind. Above ../observability, as it logs.

export { resetFailureLogForTests } from './log-failure-once';
export { withBudget } from './with-budget';
