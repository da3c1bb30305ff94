import { lazyFeature } from './lazy-feature.ts';

/** Study-area tool and what-if outlines (loaded after the first map frame; terra-draw on first use). */
export const installStudy = lazyFeature(() => import('./study/study-feature.ts'), 'study');
