/**
 * Every feature of the app, one line each, in install order. A feature is `install(services) → dispose()`
 * (src/app/shell/services.ts); removing its line removes it. A feature the first view does not need is declared with
 * `lazyFeature(() => import(…), catalogues…)`: its code and its message catalogues load after the first map frame.
 */
import type { AppServices, Dispose, FeatureInstaller } from './shell/services.ts';
import { lazyFeature, providesFigures } from './shell/lazy-feature.ts';
import { installDisplay } from './display/install-display.ts';
import { installPresenter } from './presenter/install-presenter.ts';
import { installInterface } from './install-interface.ts';
import { installSavedWork } from './saved-work.ts';
import { installImportedLayers } from './import/imported-layers-feature.ts';

export const FEATURES: readonly FeatureInstaller[] = [
  // large text and high contrast: the saved setting before the first frame, the header switch after it
  installDisplay,
  // presenter mode, slides, timeline, exports and print (loaded in parts, on demand)
  installPresenter,
  // side panel (inspector, layer tree, legend), search, map picking and highlight, visibility, opacity, URL hash
  installInterface,
  // settings and imported layers saved on this device, restored before the lazy features load
  installSavedWork,
  // imported layers on the map follow state.imports
  installImportedLayers,
  // GeoJSON import: panel, drag-and-drop, paste
  lazyFeature(() => import('./import/import-feature.ts'), 'import'),
  // live analysis: the analysis worker (the schematic figures client) and the figures in state.analysis
  providesFigures('schematic', lazyFeature(() => import('./analysis/analysis-feature.ts'), 'stats')),
  // statistics panel
  lazyFeature(() => import('./stats/stats-feature.ts'), 'stats', 'landuse'),
  // the always-visible indicator bar over the map
  lazyFeature(() => import('./indicators/indicators-feature.ts')),
  // cluster explorer cards
  lazyFeature(() => import('./clusters/clusters-feature.ts'), 'stats'),
  // study area and what-if outlines (terra-draw on first use)
  lazyFeature(() => import('./study/study-feature.ts'), 'study', 'landuse', 'stats'),
  // the planner's own land-use layer, and the three control lines beside it (their conflict figures are in the
  // statistics and the study readout, which load the land-use catalogue for them)
  lazyFeature(() => import('./landuse/landuse-feature.ts'), 'landuse'),
  // the basemap under the plan: a .pmtiles / .mbtiles from this device (remembered) or the deployer's
  lazyFeature(() => import('./basemap/basemap-feature.ts'), 'basemap'),
  // plan images (PNG / JPEG with a world file, or placed by corners), saved on this device
  lazyFeature(() => import('./plan-image/plan-image-feature.ts'), 'planImage'),
  // the measure tool
  lazyFeature(() => import('./measure/measure-feature.ts')),
  // compare two states of the map with the indicator deltas
  lazyFeature(() => import('./compare/compare-feature.ts'), 'compare'),
  // keyboard help (`?`) and the `/` shortcut
  lazyFeature(() => import('./shortcuts/shortcuts-feature.ts')),
  // the link to this view, its QR code and copy (the dialog on first use)
  lazyFeature(() => import('./share/share-feature.ts'), 'share'),
];

/** Installs every feature. @returns a function that disposes them all, last installed first */
export function installFeatures(services: AppServices): Dispose {
  const disposers = FEATURES.map((install) => install(services));
  return () => {
    for (const dispose of disposers.reverse()) dispose();
  };
}
