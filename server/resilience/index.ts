// Public entry of the resilience helpers shared by the Personalize, Location and Lex adapters.
export { withBudget } from './with-budget';
export { resetFailureLogForTests } from './log-once';
