import { lazyFeature } from '../lazy-feature.ts';

/** Compare two states of the map with the indicator deltas (loaded after the first map frame). */
export const installCompare = lazyFeature(() => import('./compare-feature.ts'), 'compare');
