import type { AppServices, Dispose } from '../shell/services.ts';
import { Lifetime } from '../shell/lifetime.ts';
import { loadCatalogues } from '../../i18n/messages.ts';

/**
 * Presenter mode, slides, the phasing timeline, exports and print. Kept out of the first-load
 * bundle: once the map is drawn, the timeline and the slides button are loaded with `import()`; the
 * presenter, deck editor and exporters only when the user opens the slides. Its strings (and the target
 * figures' pass / fail words the handout shares with the statistics) come with the timeline.
 */
export function installPresenter(services: AppServices): Dispose {
  const life = new Lifetime();
  void services.ready.then(() => Promise.all([import('./presenter-boot.ts'), loadCatalogues(['presenter', 'stats'])])).then(([{ bootPresenter }]) => {
    if (!life.disposed) bootPresenter(services, life);
  });
  return () => life.dispose();
}
