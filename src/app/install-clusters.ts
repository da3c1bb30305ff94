import { lazyFeature } from './lazy-feature.ts';

/** Cluster explorer cards in the side panel (loaded after the first map frame). */
export const installClusters = lazyFeature(() => import('./clusters/clusters-feature.ts'), 'stats');
