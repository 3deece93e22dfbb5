import { describe, expect, it } from 'vitest';
import { drawBaseMap, MAP_HEIGHT, MAP_WIDTH } from './base-map';
import { STORES } from './stores-data';

const seattle = { lat: 47.6062, lng: -122.3321 };
const inFrame = ([x, y]: [number, number]) => x >= 0 && x <= MAP_WIDTH && y >= 0 && y <= MAP_HEIGHT;

describe('drawBaseMap: the store locator’s map from the npm atlases', () => {
  it('draws a city view with the coast, state and county lines, and puts every point inside the frame', async () => {
    const points = [seattle, ...STORES.filter((s) => s.address.region === 'WA' || s.address.city === 'Portland')];
    const { map, project } = await drawBaseMap(points);
    expect(map.widthKm).toBeGreaterThan(50);
    expect(map.widthKm).toBeLessThan(1500);
    for (const layer of ['land', 'nation', 'states', 'coast'] as const) expect(map.layers[layer].length, layer).toBeGreaterThan(500);
    expect(map.layers.counties?.length ?? 0).toBeGreaterThan(500);
    for (const p of points) expect(inFrame(project(p)), JSON.stringify(p)).toBe(true);
    // Seattle lies west of Spokane and north of Portland on the page, as on the ground.
    const [sx, sy] = project(seattle);
    const [spokaneX] = project(STORES.find((s) => s.id === 'spokane')!);
    const [, portlandY] = project(STORES.find((s) => s.id === 'portland')!);
    expect(sx).toBeLessThan(spokaneX);
    expect(sy).toBeLessThan(portlandY);
  });

  it('draws the whole country simplified, without county lines, in whole pixels', async () => {
    const { map, project } = await drawBaseMap(STORES);
    expect(map.widthKm).toBeGreaterThan(3000);
    expect(map.layers.counties).toBeNull();
    expect(map.layers.nation).not.toMatch(/\.\d/);
    const total = map.layers.land.length + map.layers.nation.length + map.layers.states.length + map.layers.coast.length;
    expect(total).toBeLessThan(150_000);
    for (const s of STORES) expect(inFrame(project(s)), s.id).toBe(true);
  });

  it('keeps a single point from becoming a blank close-up', async () => {
    const { map } = await drawBaseMap([seattle]);
    expect(map.widthKm).toBeGreaterThan(30);
    expect(map.layers.coast.length).toBeGreaterThan(100);
  });
});
