import { describe, expect, it } from 'vitest';
import { protectedRouteKind, signInRedirectPath } from './protected-routes';

describe('routes middleware protects', () => {
  it('redirects pages for the order list and admin, including nested and disguised paths', () => {
    for (const path of [
      '/orders',
      '/orders/o-1/returns',
      '/admin',
      '/admin/flags',
      '/admin/orders',
      '/admin/orders/ord_1',
      '/admin/orders/dead-letters',
      '/orders/',
      '/%6Frders',
    ]) {
      expect(protectedRouteKind(path), path).toBe('page');
    }
  });

  it('answers 401 for their API routes and /api/me', () => {
    for (const path of [
      '/api/me',
      '/api/orders',
      '/api/orders/',
      '/api/%6Frders',
      '/api/orders/o-1/returns/x',
      '/api/orders/o-1/events/x',
      '/api/admin/flags/x/history',
      '/api/admin/orders',
      '/api/admin/orders/ord_1/refund',
      '/api/admin/dead-letters/redrive',
    ]) {
      expect(protectedRouteKind(path), path).toBe('api');
    }
  });

  it('lets guests reach checkout and one order, whose handlers check the cookie, link or session themselves', () => {
    for (const path of [
      '/checkout',
      '/orders/o-1',
      '/orders/o-1/returns/label',
      '/api/orders/o-1/returns',
      '/orders/lookup',
      '/api/checkout',
      '/api/checkout/quote',
      '/api/orders/lookup',
      '/api/orders/o-1',
      '/api/orders/o-1/events',
      '/api/orders/o-1/cancel',
    ]) {
      expect(protectedRouteKind(path), path).toBeNull();
    }
  });

  it('leaves the rest public', () => {
    for (const path of ['/', '/ordersx', '/p/mug', '/cart', '/sign-in', '/api/cart', '/api/auth/sign-in', '/api/products', '/api/meal']) {
      expect(protectedRouteKind(path), path).toBeNull();
    }
  });

  it('sends the shopper to sign-in with the path and query to come back to', () => {
    expect(signInRedirectPath('/orders', '')).toBe('/sign-in?next=%2Forders');
    expect(signInRedirectPath('/orders/o-1', '?tab=2')).toBe('/sign-in?next=%2Forders%2Fo-1%3Ftab%3D2');
  });
});
