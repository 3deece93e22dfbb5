// The customer events other parts of the business subscribe to (campaigns, analytics, a CRM). Each is a fact that
// happened once: the envelope's id lets a consumer drop a redelivery (SNS delivers at least once).

export type CustomerSignedUp = { type: 'customer.signed-up'; data: { userId: string; email: string; name: string; marketingConsent: boolean } };
export type CustomerConsentChanged = {
  type: 'customer.consent-changed';
  data: { userId: string; granted: boolean; source: string; at: string };
};
export type CustomerEvent = CustomerSignedUp | CustomerConsentChanged;

/** What goes on the wire: the event plus an id and the time it was published. */
export type CustomerEventEnvelope = CustomerEvent & { id: string; version: 1; occurredAt: string };
