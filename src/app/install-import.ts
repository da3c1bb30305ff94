import { lazyFeature } from './lazy-feature.ts';

/**
 * GeoJSON import: panel, drag-and-drop, paste, imported map layers (loaded after the first map frame).
 * Saved settings and imports are restored earlier, by installSavedWork.
 */
export const installImport = lazyFeature(() => import('./import/import-feature.ts'), 'import');
