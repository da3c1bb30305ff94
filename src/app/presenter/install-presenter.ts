import type { AppServices } from '../services.ts';

/**
 * Presenter mode, slides, the phasing timeline, exports and print. Kept out of the first-load
 * bundle: once the map is drawn, the timeline and the slides button are loaded with `import()`; the
 * presenter, deck editor and exporters only when the user opens the slides.
 */
export async function installPresenter(services: AppServices): Promise<void> {
  await services.ready;
  const { bootPresenter } = await import('./presenter-boot.ts');
  bootPresenter(services);
}
