/**
 * proj4 (about 150 KB) reprojects land-use files in the land-use worker only: no chunk the page itself loads
 * may contain it. Checked on the build the browser tests serve (dist/): a chunk with proj4's own strings must
 * be a worker's.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ASSETS = resolve(import.meta.dirname, '../../dist/assets');
/** Strings of proj4's source (projection and ellipsoid tables) that this project's own code never writes. */
const PROJ4_MARKERS = ['Extended_Transverse_Mercator', 'Lambert Tangential Conformal Conic Projection', 'datum_params'];

describe('main-thread chunks', () => {
  it('carry no proj4: it is bundled into the land-use worker only', () => {
    const chunks = readdirSync(ASSETS).filter((name) => name.endsWith('.js'));
    const withProj4 = chunks.filter((name) => {
      const text = readFileSync(join(ASSETS, name), 'utf8');
      return PROJ4_MARKERS.some((marker) => text.includes(marker));
    });
    // The markers are found somewhere (else the test would prove nothing) …
    expect(withProj4.length).toBeGreaterThan(0);
    // … and only in worker chunks.
    expect(withProj4.filter((name) => !/\.worker-[\w-]+\.js$/.test(name))).toEqual([]);
  });
});
