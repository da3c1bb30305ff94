/**
 * Exports of the slides: a PNG of the view (1920×1080 or the window's size) with the statutory marks, and the
 * printed handout (one page per slide, one atlas page per cluster). Asked for from the slides panel; the slice's
 * `busy` says one is being made.
 */
import type { Lifetime } from '../../shell/lifetime.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { clearSlideHighlight, currentSlide, highlightedFeatures, setBusy, slideText } from '../../../state/presenter-state.ts';
import { CATALOG_LAYERS, drawnVisibility } from '../../../state/layer-catalog.ts';
import { translate } from '../../../i18n/messages.ts';
import type { Lang, MessageKey } from '../../../i18n/messages.ts';
import { citeDocuments } from '../../../data/documents.ts';
import { downloadBlob, today } from '../../../ui/download.ts';
import { drawnNow, currentCamera, jumpToCamera } from '../../../map/camera.ts';
import { snapshotDataUrl } from '../../../map/map-element.ts';
import { buildHandout } from '../handout.ts';
import { transitionHandoutPage } from '../handout-transition.ts';
import type { HandoutPage } from '../handout.ts';
import { clusterPages } from '../handout-clusters.ts';
import type { PresenterServices } from '../presenter-services.ts';

/** The newest status date in the plan data: the date the positions and statuses describe. */
export function dataDate(data: PlanState['data']): string {
  const dates = [...(data.crossings?.features ?? []), ...(data.projects?.features ?? [])]
    .map((feature) => (feature.properties as { status_date?: unknown } | null)?.status_date)
    .filter((value): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value));
  return dates.sort().at(-1) ?? '';
}

/** The statutory marks of every export: today's date, the data date, the indicator basis, the approval number. */
export function exportMarks(state: PlanState, lang: Lang): string {
  const { data, basis, presenter } = state;
  return [
    translate(lang, 'export.date', { date: today() }),
    dataDate(data) ? translate(lang, 'export.dataDate', { date: dataDate(data) }) : '',
    basis.kind === 'landuse' ? translate(lang, 'export.basisLandUse', { name: basis.name }) : translate(lang, 'export.basis'),
    presenter.approvalNumber ? translate(lang, 'export.approval', { number: presenter.approvalNumber }) : '',
  ].filter(Boolean).join(' · ');
}

/** The shown basemap's source for an export's footer ('' when none is shown). */
function basemapCredit(state: PlanState): string {
  const basemap = state.basemap.current;
  if (!basemap?.visible) return '';
  return ` · ${translate(state.lang, 'basemap.exportAttribution', { name: basemap.name, text: basemap.attribution ?? translate(state.lang, 'basemap.noAttribution') })}`;
}

async function exportPng(services: PresenterServices, width: number, height: number): Promise<void> {
  const { store, view } = services;
  if (store.getState().presenter.busy) return;
  store.update((state) => setBusy(state, true));
  services.say('info', translate(store.getState().lang, 'deck.pngWorking'));
  try {
    const { exportMapPng } = await import('../../../map/export-png.ts');
    const state = store.getState();
    const lang = state.lang;
    const slide = currentSlide(state.presenter);
    const { features, spotlight } = highlightedFeatures(state.data, state.presenter.highlight);
    const blob = await exportMapPng({
      view, data: state.data, visibility: drawnVisibility(state.layerVisibility, state.data), lang, year: state.year,
      highlight: features, spotlight, width, height,
      title: translate(lang, 'app.title'),
      subtitle: `${translate(lang, 'export.year', { year: state.year })} · ${translate(lang, `timeline.goal.${state.year}` as MessageKey)}`,
      legendTitle: translate(lang, 'export.legend'),
      layerLabels: Object.fromEntries(CATALOG_LAYERS.map((layer) => [layer.id, translate(lang, layer.labelKey as MessageKey)])),
      sources: `${slide?.source && features.length ? `${translate(lang, 'export.sources')} ${citeDocuments(slide.source, lang)}` : translate(lang, 'export.sources')}${basemapCredit(state)}`,
      date: exportMarks(state, lang),
      north: translate(lang, 'export.north'),
    });
    const name = `jinan-plan-${width}x${height}-${today()}.png`;
    downloadBlob(blob, name);
    services.say('info', translate(lang, 'deck.exported', { name }));
  } catch (error) {
    services.say('error', translate(store.getState().lang, 'deck.pngFailed', { message: (error as Error).message }));
  } finally {
    store.update((state) => setBusy(state, false));
  }
}

/** Draws each slide, then each cluster, once; puts the view back as it was. */
async function handoutPages(services: PresenterServices, lang: Lang): Promise<HandoutPage[]> {
  const { store, view } = services;
  const before = { camera: currentCamera(view), visibility: store.getState().layerVisibility, year: store.getState().year, index: store.getState().presenter.index };
  const restore = () => store.update((state) => clearSlideHighlight({ ...state, layerVisibility: before.visibility, year: before.year }));
  const pages: HandoutPage[] = [];
  try {
    const deck = store.getState().presenter.deck;
    for (const [index, slide] of (deck?.slides ?? []).entries()) {
      await services.showSlide(index, false);
      await drawnNow(view);
      pages.push({
        kind: 'slide', title: `${translate(lang, 'deck.slideLabel', { n: index + 1 })} · ${deck!.title[lang] || deck!.title.zh}`,
        image: snapshotDataUrl(view), caption: slideText(slide, lang, 'caption'), notes: slideText(slide, lang, 'notes'),
        source: slide.source ? citeDocuments(slide.source, lang) : '',
      });
    }
    restore();
    pages.push(...await clusterPages(services, lang));
  } finally {
    restore();
    jumpToCamera(view, before.camera);
    store.update((state) => ({ ...state, presenter: { ...state.presenter, index: before.index } }));
  }
  return pages;
}

/** Builds the handout pages and opens the print dialog. */
async function printHandout(services: PresenterServices, life: Lifetime): Promise<void> {
  const { store } = services;
  const { presenter, lang } = store.getState();
  if (presenter.busy || presenter.presenting) return;
  store.update((state) => setBusy(state, true));
  services.say('info', translate(lang, 'deck.handoutWorking'));
  let pages: HandoutPage[];
  try {
    pages = await handoutPages(services, lang);
  } finally {
    store.update((state) => setBusy(state, false));
  }
  if (life.disposed) return;
  const root = buildHandout(pages, lang, translate(lang, 'app.title'), exportMarks(store.getState(), lang));
  root.append(...[transitionHandoutPage(store.getState(), lang, translate(lang, 'app.title'), exportMarks(store.getState(), lang))].filter((page) => page !== null));
  document.body.classList.add('plan-handout');
  const done = () => {
    document.body.classList.remove('plan-handout');
    document.getElementById('plan-handout')?.remove();
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  life.add(done);
  const slides = pages.filter((page) => page.kind === 'slide').length;
  services.say('info', translate(lang, 'deck.handoutReady', { count: pages.length, slides, clusters: pages.length - slides }));
  window.print();
}

export function installExports(services: PresenterServices, life: Lifetime): void {
  life.listen(document, 'plan-deck-action', ({ detail }) => {
    if (detail.type === 'png-full') void exportPng(services, 1920, 1080);
    else if (detail.type === 'png-window') void exportPng(services, Math.round(window.innerWidth), Math.round(window.innerHeight));
    else if (detail.type === 'handout') void printHandout(services, life);
  });
}
