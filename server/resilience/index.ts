// Public entry of the resilience helpers shared by the Personalize, Location and Lex adapters.
export { withBudget, type BudgetOutcome } from './with-budget';
export { classifyFailure, type FailureKind } from './failure-kind';
export { logFailureOnce, resetFailureLogForTests } from './log-once';
