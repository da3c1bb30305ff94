import { lazyFeature } from './lazy-feature.ts';

/** The planner's own land-use layer (loaded after the first map frame). */
export const installLandUse = lazyFeature(() => import('./landuse/landuse-feature.ts'), 'landuse');
