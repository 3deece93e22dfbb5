import { RequestCookies } from 'next/dist/compiled/@edge-runtime/cookies';
import { describe, expect, it } from 'vitest';
import { cookieJarFromHeader, parseCookieHeader, rewriteCookieHeader } from './cookies';

// Headers a browser, a proxy or an attacker may send. For each, our parser must give what next/headers' cookies()
// gives, name by name, so middleware (raw header) and handlers (cookies()) agree on every cookie.
const HEADERS = [
  'sf_at=one; other=x; sf_at=two',
  'sf_anon=AAAAAAAAAAAAAAAAAAAAAA; sf_anon=BBBBBBBBBBBBBBBBBBBBBB',
  'enc=a%20b; sf_rt=r1; sf_rt=%E0%A4%A',
  'bad; =v; a=1',
  'a=1;b=2;;c=3',
  'a=1 ; b= 2 ;  c=3',
  'a==b=c; d=',
  'sf_at=x%3Dy%3B; sf_profile=%7B%22a%22%3A1%7D',
  '  lead=1',
  'trail=1; ',
];

describe('the one Cookie header parser', () => {
  it.each(HEADERS.map((h) => [h]))('reads %j as next/headers does', (header) => {
    // Both read the header through Headers, as every request does (it trims the value's ends).
    const headers = new Headers({ cookie: header });
    const ours = parseCookieHeader(headers.get('cookie'));
    const next = new RequestCookies(headers);
    expect([...ours]).toEqual(next.getAll().map((c) => [c.name, c.value]));
    const jar = cookieJarFromHeader(headers.get('cookie'));
    for (const { name } of next.getAll()) expect(jar.get(name)).toBe(next.get(name)?.value);
  });

  it('lets the last occurrence of a name win and skips a malformed escape', () => {
    const jar = cookieJarFromHeader('sf_at=one; sf_at=two; sf_rt=r1; sf_rt=%E0%A4%A');
    expect(jar.get('sf_at')).toBe('two');
    expect(jar.get('sf_rt')).toBe('r1');
    expect(jar.get('missing')).toBeUndefined();
    expect(parseCookieHeader(null).size).toBe(0);
  });

  it('rewrites a header with values replaced and removed, the rest kept', () => {
    const changes = new Map<string, string | null>([
      ['sf_at', 'new'],
      ['sf_rt', null],
      ['sf_anon', 'id 1'],
    ]);
    expect(rewriteCookieHeader('sf_at=old; sf_rt=r; cart=c1', changes)).toBe('sf_at=new; cart=c1; sf_anon=id%201');
    expect(rewriteCookieHeader(null, new Map([['sf_at', null]]))).toBe('');
  });
});
