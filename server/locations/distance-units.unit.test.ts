import { describe, expect, it } from 'vitest';
import { distanceUnitFor, formatDistance, scaleBar } from './distance-units';

describe('distanceUnitFor: the shopper’s units from their locale', () => {
  it('uses miles in the US and the UK, kilometres in Canada, France and Germany', () => {
    expect(distanceUnitFor('en-US')).toBe('mi');
    expect(distanceUnitFor('en-GB,en;q=0.9')).toBe('mi');
    expect(distanceUnitFor('fr-CA,fr;q=0.9,en;q=0.8')).toBe('km');
    expect(distanceUnitFor('de-DE')).toBe('km');
    expect(distanceUnitFor('zh-Hant-TW')).toBe('km');
  });

  it('falls back to the shop’s country (miles) when no region is given', () => {
    expect(distanceUnitFor('en')).toBe('mi');
    expect(distanceUnitFor('')).toBe('mi');
    expect(distanceUnitFor(undefined)).toBe('mi');
  });
});

describe('formatDistance', () => {
  it('converts kilometres to miles, one decimal under ten', () => {
    expect(formatDistance(5, 'mi')).toBe('3.1 mi');
    expect(formatDistance(100, 'mi')).toBe('62 mi');
    expect(formatDistance(0.3, 'mi')).toBe('0.2 mi');
  });

  it('keeps kilometres as they are', () => {
    expect(formatDistance(5.04, 'km')).toBe('5 km');
    expect(formatDistance(1234.4, 'km')).toBe('1,234 km');
  });
});

describe('scaleBar', () => {
  it('picks the longest round length that fits', () => {
    // 640 px showing 64 km: 0.1 km a pixel, 120 px = 12 km → 10 km = 100 px.
    expect(scaleBar(64, 640, 'km')).toEqual({ px: 100, label: '10 km' });
    // The same map in miles: 0.0621 mi a pixel, 120 px = 7.46 mi → 5 mi.
    const bar = scaleBar(64, 640, 'mi');
    expect(bar.label).toBe('5 mi');
    expect(bar.px).toBeCloseTo(80.5, 0);
  });

  it('works across a continent', () => {
    expect(scaleBar(4500, 640, 'mi').label).toBe('500 mi');
  });
});
