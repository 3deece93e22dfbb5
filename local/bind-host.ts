// The interface every local server listens on: loopback, unless HOST widens it (HOST=0.0.0.0 to reach the shop
// from a phone on the LAN). DynamoDB Local has no auth and cognito-local signs with a key shipped in its package:
// neither belongs on a network by default (issue 19.10).
export function localBindHost(): string {
  return process.env.HOST?.trim() || '127.0.0.1';
}
