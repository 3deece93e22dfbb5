import 'server-only';

// Public entry of fraud screening (docs/fraud.md): the steps checkout calls around the payment, the rules as data
// for operations, and the viewer's location read from the edge's headers.
export { fraudRulesPatchSchema, type OrderRisk } from './contract';
export { fraudRulesHistory, saveFraudRules, storedFraudRules } from './rules-store';
export {
  type CheckoutParties,
  declined as screeningDeclined,
  firstOrderMatters,
  type PreScreening,
  recordDeclinedPayment,
  refuseRepeatedDeclines,
  screenAfterAuthorisation,
  screenBeforeAuthorisation,
} from './screening';
export { viewerLocation } from './viewer-location';
