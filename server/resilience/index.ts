// Public entry of the resilience helpers shared by the Personalize, Location and Lex adapters.

export { resetFailureLogForTests } from './log-once';
export { withBudget } from './with-budget';
