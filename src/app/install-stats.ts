import { lazyFeature } from './lazy-feature.ts';

/** Statistics panel (loaded after the first map frame; the figures are computed after it too). */
export const installStats = lazyFeature(() => import('./stats/stats-feature.ts'), 'stats');
