/**
 * The deployer's basemap: a `basemap.pmtiles` beside index.html, or the archive a same-origin `basemap.json`
 * names (`{ "pmtiles": "tiles/jinan.pmtiles" }`), drawn for everyone who opens the app. Looked for once at start
 * with requests to the page's own origin only (a few bytes of the archive by range; a URL off the origin is never
 * requested). Absent or unreadable: nothing, and no message (most deployments have none). A page opened from
 * file:// cannot read its neighbours: the one-file build offers "open basemap from this folder" instead.
 */
import { openPmtilesUrl } from './open-pmtiles.ts';
import type { TileArchive } from './tile-archive.ts';

export const DEPLOYER_BASEMAP = 'basemap.pmtiles';
export const DEPLOYER_CONFIG = 'basemap.json';

/** The archive URL a `basemap.json` names, resolved against `base`, if it is on the same origin. */
export function configuredUrl(config: unknown, base: string): string | null {
  const value = (config as { pmtiles?: unknown } | null)?.pmtiles;
  if (typeof value !== 'string' || !value.trim()) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.origin === new URL(base).origin ? url.href : null;
  } catch {
    return null;
  }
}

async function configured(base: string): Promise<string | null> {
  try {
    const response = await fetch(new URL(DEPLOYER_CONFIG, base), { cache: 'no-cache', credentials: 'same-origin' });
    if (!response.ok || !/json/i.test(response.headers.get('content-type') ?? '')) return null;
    return configuredUrl(await response.json(), base);
  } catch {
    return null;
  }
}

/**
 * The deployer's basemap, or null when there is none.
 * @param base - the page's URL (`document.baseURI`)
 */
export async function findDeployerBasemap(base: string): Promise<{ archive: TileArchive; name: string } | null> {
  if (!/^https?:$/.test(new URL(base).protocol)) return null;
  const url = (await configured(base)) ?? new URL(DEPLOYER_BASEMAP, base).href;
  const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || DEPLOYER_BASEMAP);
  const opened = await openPmtilesUrl(url, base, name);
  return opened.ok ? { archive: opened.archive, name } : null;
}
