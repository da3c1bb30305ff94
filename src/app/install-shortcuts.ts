import { lazyFeature } from './lazy-feature.ts';

/** Keyboard help (`?`) and the global `/` shortcut (loaded after the first map frame). */
export const installShortcuts = lazyFeature(() => import('./shortcuts/shortcuts-feature.ts'));
