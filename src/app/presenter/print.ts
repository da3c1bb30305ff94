import type { AppServices } from '../shell/services.ts';
import type { Lifetime } from '../shell/lifetime.ts';
import { snapshotDataUrl } from '../../map/map-element.ts';
import { translate } from '../../i18n/messages.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { CATALOG_LAYERS, drawnVisibility } from '../../state/layer-catalog.ts';
import { legendRows } from '../../map/legend-rows.ts';
import { today } from '../../ui/download.ts';

/**
 * Printing: just before the print dialog renders, the map is drawn once and copied into a print-only
 * block with the title, the legend of visible layers, sources and date (see PRESENTER_CSS).
 */
export function installPrint(services: AppServices, life: Lifetime): void {
  const { store, view } = services;
  life.add(() => document.getElementById('plan-print')?.remove());
  life.listen(window, 'beforeprint', () => {
    document.getElementById('plan-print')?.remove();
    const state = store.getState();
    const lang = state.lang;
    const image = document.createElement('img');
    image.alt = translate(lang, 'app.mapLabel');
    const source = snapshotDataUrl(view);
    if (source) image.src = source;
    const root = document.createElement('section');
    root.id = 'plan-print';
    const title = document.createElement('h1');
    title.textContent = `${translate(lang, 'app.title')} · ${translate(lang, 'export.year', { year: state.year })}`;
    const body = document.createElement('div');
    body.className = 'print-body';
    const legend = document.createElement('ul');
    const labels = Object.fromEntries(CATALOG_LAYERS.map((layer) => [layer.id, translate(lang, layer.labelKey as MessageKey)]));
    for (const row of legendRows(view, drawnVisibility(state.layerVisibility, state.data), labels, lang)) {
      const item = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = row.colour;
      if (row.kind === 'line') swatch.style.height = '1mm';
      item.append(swatch, document.createTextNode(row.label));
      legend.append(item);
    }
    body.append(image, legend);
    const footer = document.createElement('p');
    footer.textContent = `${translate(lang, 'export.sources')} · ${translate(lang, 'export.date', { date: today() })}`;
    root.append(title, body, footer);
    document.body.append(root);
  });
  life.listen(window, 'afterprint', () => document.getElementById('plan-print')?.remove());
}
