import { lazyFeature } from './lazy-feature.ts';

/** The measure tool (loaded after the first map frame). */
export const installMeasure = lazyFeature(() => import('./measure/measure-feature.ts'));
