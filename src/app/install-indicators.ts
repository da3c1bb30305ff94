import { lazyFeature } from './lazy-feature.ts';

/** The always-visible indicator bar over the map (loaded after the first map frame, with the figures it shows). */
export const installIndicators = lazyFeature(() => import('./indicators/indicators-feature.ts'));
