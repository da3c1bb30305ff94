import { lazyFeature } from '../lazy-feature.ts';

/** Share: the link to this view, its QR code and copy (loaded after the first map frame; the dialog on first use). */
export const installShare = lazyFeature(() => import('./share-feature.ts'), 'share');
