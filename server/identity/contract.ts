// Client-safe door of the identity domain: the staff roles and their pure check, for domains that audit who acted.
export { type Actor, assertRole, MARKETERS_GROUP } from './roles';
