/**
 * The basemap: a tile archive drawn under every plan layer. A `.pmtiles` or `.mbtiles` chosen in the layer tree's
 * basemap entry or dropped on the map is opened (src/data/basemap/), checked (an archive, tiles of a drawable type,
 * near the Start-up Area), registered with the map's tile protocol (src/map/basemap-tiles.ts) and put in
 * `state.basemap`; the scene draws it (main map, compare, PNG export). A file from this device is remembered in
 * IndexedDB and restored at the next start; without one, the deployer's `basemap.pmtiles` (or the archive its
 * `basemap.json` names) is drawn, looked for on the page's own origin only. A file that fails leaves the map as it
 * was and says why in the live region.
 */
import { bbox } from '@turf/bbox';
import type { AppServices, Dispose } from '../shell/services.ts';
import { Lifetime } from '../shell/lifetime.ts';
import { announce } from '../../state/plan-state.ts';
import type { PlanState } from '../../state/plan-state.ts';
import {
  basemapOpened, basemapReadingFailed, onBasemap, removeBasemap, setBasemapOpacity, setBasemapVisible, startBasemapReading,
  type Basemap, type BasemapOrigin,
} from '../../state/basemap-state.ts';
import { archiveKindOf, type BasemapIssue, type OpenArchiveResult, type TileArchive } from '../../data/basemap/tile-archive.ts';
import { openPmtilesFile } from '../../data/basemap/open-pmtiles.ts';
import { openMbtilesFile } from '../../data/basemap/open-mbtiles.ts';
import { basemapPlacement, type Bounds } from '../../data/basemap/placement.ts';
import { forgetBasemap, loadBasemap, saveBasemap } from '../../data/basemap/basemap-store.ts';
import { findDeployerBasemap } from '../../data/basemap/deployer-basemap.ts';
import { registerBasemapArchive, releaseBasemapArchive } from '../../map/basemap-tiles.ts';
import { provideScenePart } from '../../map/scene/lazy-parts.ts';
import { basemapScenePart } from '../../map/scene/basemap-specs.ts';
import { translate, type MessageKey } from '../../i18n/messages.ts';
import { defineBasemapEntry } from '../../ui/components/layer-tree/basemap-entry.ts';

/** The reason an issue gives, in the state's language. */
export function issueReason(lang: PlanState['lang'], issue: BasemapIssue): string {
  return translate(lang, `basemap.issue.${issue.code}` as MessageKey, issue.params as Record<string, string | number>);
}

function areaBounds(state: PlanState): Bounds | null {
  const boundary = state.data.boundary;
  if (!boundary?.features.length) return null;
  const [west, south, east, north] = bbox(boundary);
  return [west, south, east, north];
}

function openFile(file: Blob, name: string): Promise<OpenArchiveResult> {
  const kind = archiveKindOf(name);
  if (kind === 'pmtiles') return openPmtilesFile(file, name);
  if (kind === 'mbtiles') return openMbtilesFile(file, name);
  return Promise.resolve({ ok: false, issue: { code: 'unknown-format', params: { name } } });
}

interface Shown { key: string; origin: BasemapOrigin }

class BasemapController {
  private shown: Shown | null = null;
  private run = 0;

  constructor(private readonly services: AppServices, private readonly life: Lifetime) {}

  private get store() {
    return this.services.store;
  }

  /** The archive opened from `file` drawn (and, from this device, remembered); a failure leaves the map as it was. */
  async open(file: Blob, name: string, how: { origin: BasemapOrigin; restore?: { opacity: number; visible: boolean } }): Promise<void> {
    const run = ++this.run;
    this.store.update(onBasemap(startBasemapReading, name));
    const opened = await openFile(file, name);
    if (this.life.disposed || run !== this.run) {
      if (opened.ok) opened.archive.close();
      return;
    }
    if (!opened.ok) return this.fail(name, opened.issue, how.restore !== undefined);
    const area = areaBounds(this.store.getState());
    const placement = area ? basemapPlacement(opened.archive.info.bounds, area) : { near: null, distanceKm: null };
    if (placement.near === false) {
      opened.archive.close();
      return this.fail(name, { code: 'outside-area', params: { name, distanceKm: Math.round(placement.distanceKm ?? 0) } }, how.restore !== undefined);
    }
    this.show(opened.archive, name, how.origin, how.restore);
    if (how.origin === 'device' && !how.restore) {
      const current = this.store.getState().basemap.current;
      const saved = await saveBasemap({ file, name, opacity: current?.opacity ?? 1, visible: current?.visible ?? true });
      if (!saved.ok && !this.life.disposed) this.store.update((state) => announce(state, 'error', translate(state.lang, 'basemap.saveFailed', { name, detail: saved.detail })));
    }
  }

  private fail(name: string, issue: BasemapIssue, restoring: boolean): void {
    if (restoring) void forgetBasemap();
    this.store.update((state) => {
      const text = translate(state.lang, restoring ? 'basemap.restoreFailed' : 'basemap.failed', { name, reason: issueReason(state.lang, issue) });
      return announce(onBasemap(basemapReadingFailed, text)(state), 'error', text);
    });
  }

  private show(archive: TileArchive, name: string, origin: BasemapOrigin, restore?: { opacity: number; visible: boolean }): void {
    const key = registerBasemapArchive(archive);
    const previous = this.shown;
    this.shown = { key, origin };
    const { info } = archive;
    const basemap: Omit<Basemap, 'opacity' | 'visible'> & Partial<Pick<Basemap, 'opacity' | 'visible'>> = {
      key, name, format: info.format, kind: info.tileFormat === 'mvt' ? 'vector' : 'raster', origin, bounds: info.bounds,
      minZoom: info.minZoom, maxZoom: info.maxZoom, attribution: info.attribution, vectorLayers: info.vectorLayers, ...restore,
    };
    this.store.update((state) => {
      const next = onBasemap(basemapOpened, basemap)(state);
      const message = restore
        ? translate(state.lang, 'basemap.restored', { name })
        : translate(state.lang, 'basemap.opened', { name, kind: translate(state.lang, basemap.kind === 'raster' ? 'basemap.kind.raster' : 'basemap.kind.vector'), minZoom: info.minZoom, maxZoom: info.maxZoom });
      return origin === 'deployer' ? next : announce(next, 'info', message);
    });
    // the map has let the previous archive go (the scene follows the store at once)
    if (previous) releaseBasemapArchive(previous.key);
  }

  /** The basemap removed from the map (and, from this device, forgotten); the deployer's comes back if there is one. */
  async remove(): Promise<void> {
    const current = this.store.getState().basemap.current;
    if (!current || !this.shown) return;
    ++this.run;
    const shown = this.shown;
    this.shown = null;
    this.store.update((state) => announce(onBasemap(removeBasemap)(state), 'info', translate(state.lang, 'basemap.removed', { name: current.name })));
    releaseBasemapArchive(shown.key);
    if (shown.origin === 'device') {
      await forgetBasemap();
      if (!this.life.disposed) await this.deployer();
    }
  }

  /** The deployer's basemap, when there is one and nothing else is shown. */
  async deployer(): Promise<void> {
    const run = this.run;
    const found = await findDeployerBasemap(document.baseURI);
    if (!found) return;
    if (this.life.disposed || run !== this.run || this.shown) {
      found.archive.close();
      return;
    }
    this.show(found.archive, found.name, 'deployer');
  }

  /** The basemap remembered on this device, else the deployer's. */
  async restore(): Promise<void> {
    const saved = await loadBasemap();
    if (this.life.disposed || this.shown) return;
    if (saved) await this.open(saved.file, saved.name, { origin: 'device', restore: { opacity: saved.opacity, visible: saved.visible } });
    else await this.deployer();
  }

  /** Saves the opacity and visibility of a remembered basemap. */
  async saveSettings(): Promise<void> {
    const current = this.store.getState().basemap.current;
    if (current?.origin !== 'device') return;
    const saved = await loadBasemap();
    if (saved && saved.name === current.name) await saveBasemap({ file: saved.file, name: saved.name, opacity: current.opacity, visible: current.visible });
  }

  dispose(): void {
    ++this.run;
    const shown = this.shown;
    this.shown = null;
    this.store.update(onBasemap(removeBasemap));
    if (shown) releaseBasemapArchive(shown.key);
  }
}

/** Installs the basemap feature (loaded after the first map frame, see ../features.ts). */
export function install(services: AppServices): Dispose {
  const { app, store } = services;
  const life = new Lifetime();
  defineBasemapEntry();
  provideScenePart('basemap', basemapScenePart);
  const basemap = new BasemapController(services, life);
  life.add(() => basemap.dispose());
  life.listen(app, 'plan-basemap-files', ({ detail: { files } }) => {
    const file = files.find((candidate) => archiveKindOf(candidate.name)) ?? files[0];
    if (file) void basemap.open(file, file.name.split('/').pop() ?? file.name, { origin: 'device' });
  });
  life.listen(app, 'plan-basemap-opacity', ({ detail }) => store.update(onBasemap(setBasemapOpacity, detail.opacity)));
  life.listen(app, 'plan-basemap-visible', ({ detail }) => store.update(onBasemap(setBasemapVisible, detail.visible)));
  life.listen(app, 'plan-basemap-remove', () => void basemap.remove());
  const saveLater = life.debounce(() => void basemap.saveSettings(), 300);
  life.add(store.select((state) => state.basemap.current, (current, previous) => {
    if (current && previous && current.key === previous.key && (current.opacity !== previous.opacity || current.visible !== previous.visible)) saveLater();
  }));
  void services.ready.then(() => {
    if (!life.disposed) void basemap.restore();
  });
  return () => life.dispose();
}
