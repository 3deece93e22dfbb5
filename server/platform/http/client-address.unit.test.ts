import { describe, expect, it } from 'vitest';
import { addressBucket, clientAddressBucket, PEER_ADDRESS_HEADER, UNKNOWN_ADDRESS_BUCKET } from './client-address';

const peer = (address: string, extra: Record<string, string> = {}) => new Headers({ [PEER_ADDRESS_HEADER]: address, ...extra });

describe('the caller’s address bucket for rate limits', () => {
  it('without trusted proxies, is the socket peer whatever X-Forwarded-For claims', () => {
    expect(clientAddressBucket(peer('203.0.113.7', { 'x-forwarded-for': '198.51.100.1' }), 0)).toBe('v4:203.0.113.7');
    expect(clientAddressBucket(peer('203.0.113.7', { 'x-forwarded-for': 'not-an-ip' }), 0)).toBe('v4:203.0.113.7');
  });

  it('behind N proxies, is the entry the outermost of them appended, not what the client put in front', () => {
    expect(clientAddressBucket(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }), 1)).toBe('v4:203.0.113.7');
    expect(clientAddressBucket(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 130.176.0.1' }), 2)).toBe('v4:203.0.113.7');
    expect(clientAddressBucket(new Headers({ 'x-forwarded-for': '203.0.113.7' }), 2)).toBe('v4:203.0.113.7');
    expect(clientAddressBucket(peer('192.0.2.5'), 2)).toBe('v4:192.0.2.5');
  });

  it('puts anything unparsable, or no address at all, in one shared bucket — never in none', () => {
    expect(clientAddressBucket(new Headers({ 'x-forwarded-for': 'not-an-ip' }), 1)).toBe(UNKNOWN_ADDRESS_BUCKET);
    expect(clientAddressBucket(new Headers({ 'x-forwarded-for': 'x'.repeat(500) }), 1)).toBe(UNKNOWN_ADDRESS_BUCKET);
    expect(clientAddressBucket(new Headers({ 'x-forwarded-for': '999.1.1.1' }), 1)).toBe(UNKNOWN_ADDRESS_BUCKET);
    expect(clientAddressBucket(new Headers(), 0)).toBe(UNKNOWN_ADDRESS_BUCKET);
    expect(clientAddressBucket(new Headers(), 1)).toBe(UNKNOWN_ADDRESS_BUCKET);
  });

  it('counts IPv6 per /64 and reads IPv4-mapped, bracketed and ported forms as the address they carry', () => {
    expect(addressBucket('2001:db8:1:2:3:4:5:6')).toBe('v6:2001:db8:1:2::/64');
    expect(addressBucket('2001:DB8:1:2::ffff')).toBe('v6:2001:db8:1:2::/64');
    expect(addressBucket('[2001:db8:1:2::1]:443')).toBe('v6:2001:db8:1:2::/64');
    expect(addressBucket('2001:db8::1')).toBe('v6:2001:db8:0:0::/64');
    expect(addressBucket('fe80::1%eth0')).toBe('v6:fe80:0:0:0::/64');
    expect(addressBucket('::1')).toBe('v6:0:0:0:0::/64');
    expect(addressBucket('::ffff:203.0.113.7')).toBe('v4:203.0.113.7');
    expect(addressBucket('203.0.113.7:51234')).toBe('v4:203.0.113.7');
    expect(addressBucket(' 203.0.113.7 ')).toBe('v4:203.0.113.7');
  });
});
