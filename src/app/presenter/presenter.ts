/**
 * The presenter: owns the deck (edit, save, import / export), applies slides to the store and the
 * map, and runs present mode (full screen, keys, swipe, blank, spotlight). Loaded on demand.
 */
import { citeDocuments } from '../../data/documents.ts';
import '../../ui/presenter/deck-panel.ts';
import '../../ui/presenter/presenter-overlay.ts';
import type { PlanDeckPanel } from '../../ui/presenter/deck-panel.ts';
import type { DeckAction } from '../../ui/events.ts';
import type { PlanPresenterOverlay } from '../../ui/presenter/presenter-overlay.ts';
import type { AppServices } from '../services.ts';
import type { Deck, Slide } from '../../core/deck/deck.ts';
import { parseDeckFile, toDeckFile } from '../../core/deck/validate-deck.ts';
import { announce } from '../../state/plan-state.ts';
import { setYear, showOnlyLayers } from '../../state/actions.ts';
import { lockInteraction, resizeMap } from '../../map/camera.ts';
import type { Lifetime } from '../lifetime.ts';
import { CATALOG_LAYERS, drawnVisibility } from '../../state/layer-catalog.ts';
import { translate } from '../../i18n/messages.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { moveToCamera, readCamera } from '../../map/slide-camera.ts';
import { SlideHighlight, featuresById } from '../../map/slide-highlight.ts';
import { builtinDeck } from './builtin-deck.ts';
import { deckRules, describeIssues, saveDeck } from './deck-storage.ts';
import type { LoadedDeck } from './deck-storage.ts';
import { downloadBlob, today } from '../../ui/download.ts';
import { loadSaved, save } from '../../data/persist.ts';
import { NEXT_KEYS, PREVIOUS_KEYS, PresenterView } from './presenter-view.ts';
import { buildHandout } from './handout.ts';
import type { HandoutPage } from './handout.ts';
import { drawnNow, fitFeatureNow, jumpToCamera, currentCamera } from '../../map/camera.ts';
import { snapshotDataUrl } from '../../map/map-element.ts';
import { regionContents } from '../../core/context/containing-regions.ts';
import { featureName } from '../../i18n/feature-name.ts';
import type { Lang } from '../../i18n/messages.ts';
import { undecidedReason } from '../../ui/components/figure-verdict.ts';
import type { PresenterViewState } from './presenter-view.ts';

const APPROVAL_KEY = 'approval-number';
const MAX_APPROVAL_LENGTH = 60;

/** The map approval number (审图号) the user set, or '' (never invented: blank until set). */
function loadApprovalNumber(): string {
  const loaded = loadSaved<string>(APPROVAL_KEY, 1, (value) => (typeof value === 'string' && value.length <= MAX_APPROVAL_LENGTH ? value : 'not a short text'));
  return loaded.ok && loaded.value ? loaded.value : '';
}

/** The newest status date in the plan data: the date the positions and statuses describe. */
function dataDate(data: { crossings?: { features: { properties: unknown }[] }; projects?: { features: { properties: unknown }[] } }): string {
  const dates = [...(data.crossings?.features ?? []), ...(data.projects?.features ?? [])]
    .map((feature) => (feature.properties as { status_date?: unknown } | null)?.status_date)
    .filter((value): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value));
  return dates.sort().at(-1) ?? '';
}

const SWIPE_MIN_PX = 50;

/** The one presenter of the page, while its feature is installed (created on first use, gone on dispose). */
export function presenterFor(services: AppServices, loaded: LoadedDeck, life: Lifetime): Presenter {
  const known = presenters.get(life);
  if (known) return known;
  const presenter = new Presenter(services, loaded);
  presenters.set(life, presenter);
  life.add(() => presenter.dispose());
  return presenter;
}
const presenters = new WeakMap<Lifetime, Presenter>();

let slideCounter = 0;
function newSlideId(): string {
  slideCounter += 1;
  return `slide-${Date.now().toString(36)}-${slideCounter}`;
}

export class Presenter {
  private deck: Deck;
  private index = 0;
  private presenting = false;
  private blank = false;
  private busy = false;
  private readonly backupRaw: string | undefined;
  private readonly highlight: SlideHighlight;
  private panel: PlanDeckPanel | undefined;
  private overlay: PlanPresenterOverlay | undefined;
  private touchStart: { x: number; y: number } | undefined;
  private unlock: (() => void) | undefined;
  private readonly cleanups: (() => void)[] = [];
  private readonly view = new PresenterView((delta) => this.stepFromView(delta), () => this.render());
  private notesStrip = false;
  private kiosk: ReturnType<typeof setInterval> | undefined;
  private laser = false;
  private pointer: { x: number; y: number } | null = null;
  /** ink strokes: kept only on the audience screen for a few seconds, never stored */
  private strokes: { id: number; points: [number, number][] }[] = [];
  private drawing: { id: number; points: [number, number][] } | undefined;
  private strokeCounter = 0;
  private readonly strokeTimers = new Set<ReturnType<typeof setTimeout>>();
  private approvalNumber = loadApprovalNumber();

  constructor(private readonly services: AppServices, loaded: LoadedDeck) {
    this.deck = loaded.deck;
    this.backupRaw = loaded.backupRaw;
    this.highlight = new SlideHighlight(services.view);
    this.cleanups.push(services.store.select((state) => state.lang, () => this.render()));
    this.cleanups.push(services.keys.register({
      scope: 'presenter', id: 'present.keys', keys: [...NEXT_KEYS, ...PREVIOUS_KEYS, 'Home', 'End', 'b', 'B', '.', 'l', 'L', 'Escape'],
      when: () => this.presenting, run: (event) => this.onKey(event),
    }));
    this.cleanups.push(services.keys.register({
      scope: 'dialogs', id: 'deck.close', keys: ['Escape'], when: () => this.panel !== undefined, run: () => this.closePanel(),
    }));
  }

  /** Ends presenting, closes the panel, removes its map layers and listeners. */
  dispose(): void {
    document.body.classList.remove('plan-handout');
    document.getElementById('plan-handout')?.remove();
    this.stopKiosk(false);
    this.view.close();
    this.stop();
    this.closePanel();
    this.highlight.remove();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  private get lang() {
    return this.services.store.getState().lang;
  }

  private say(level: 'info' | 'error', text: string): void {
    this.services.store.update((state) => announce(state, level, text));
  }

  // ---- panel ---------------------------------------------------------------------------------

  togglePanel(): void {
    if (this.panel) this.closePanel();
    else this.openPanel();
  }

  openPanel(): void {
    if (this.panel) return;
    const panel = document.createElement('plan-deck-panel');
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', translate(this.lang, 'deck.title'));
    panel.addEventListener('plan-deck-action', (event) => void this.onAction(event.detail));
    this.panel = panel;
    this.render();
    document.body.append(panel);
  }

  closePanel(): void {
    this.panel?.remove();
    this.panel = undefined;
  }

  private render(): void {
    if (this.panel) {
      this.panel.deck = this.deck;
      this.panel.current = this.index;
      this.panel.uiLang = this.lang;
      this.panel.hasBackup = this.backupRaw !== undefined;
      this.panel.busy = this.busy;
      this.panel.approvalNumber = this.approvalNumber;
      this.panel.setAttribute('aria-label', translate(this.lang, 'deck.title'));
    }
    if (this.overlay) {
      const slide = this.deck.slides[this.index];
      this.overlay.caption = slide ? slide.caption[this.lang] || slide.caption.zh : '';
      this.overlay.source = slide?.source ? citeDocuments(slide.source, this.lang) : '';
      this.overlay.counter = translate(this.lang, 'present.counter', { n: this.index + 1, total: this.deck.slides.length });
      this.overlay.exitLabel = translate(this.lang, 'present.exit');
      this.overlay.blankLabel = translate(this.lang, 'present.blank');
      this.overlay.blank = this.blank;
      this.overlay.notesStrip = this.notesStrip ? this.notesOf(slide) || translate(this.lang, 'present.noNotes') : '';
      this.overlay.pointer = this.laser ? this.pointer : null;
      this.overlay.strokes = this.strokes.map((stroke) => ({ id: stroke.id, points: [...stroke.points] }));
    }
    this.view.update(this.viewState());
  }

  private notesOf(slide: Slide | undefined): string {
    return slide?.notes ? slide.notes[this.lang] || slide.notes.zh || slide.notes.en : '';
  }

  private viewState(): PresenterViewState {
    const slide = this.deck.slides[this.index];
    const next = this.deck.slides[this.index + 1];
    const captionOf = (item: Slide) => item.caption[this.lang] || item.caption.zh;
    return {
      lang: this.lang,
      index: this.index,
      total: this.deck.slides.length,
      caption: slide ? captionOf(slide) : '',
      notes: this.notesOf(slide),
      next: next ? {
        caption: captionOf(next),
        yearChange: slide && next.year !== slide.year ? translate(this.lang, 'present.nextYear', { from: slide.year, to: next.year }) : '',
      } : null,
    };
  }

  /** A step asked for in the presenter view: presents first if the room is not yet being shown the map. */
  private stepFromView(delta: number): void {
    if (!this.presenting) void this.present(this.index);
    else this.step(delta);
  }

  private openPresenterView(): void {
    const opened = this.view.open(this.viewState());
    if (opened) this.say('info', translate(this.lang, 'present.viewOpened'));
    else {
      this.notesStrip = true;
      this.say('info', translate(this.lang, 'present.viewBlocked'));
    }
    if (!this.presenting) void this.present(this.index);
    else this.render();
  }

  private startKiosk(seconds: number): void {
    this.stopKiosk(false);
    const interval = Math.max(3, Math.min(600, Number.isFinite(seconds) ? seconds : 20)) * 1000;
    const begin = this.presenting ? Promise.resolve() : this.present(this.index);
    void begin.then(() => {
      this.kiosk = setInterval(() => void this.goTo(this.index + 1 >= this.deck.slides.length ? 0 : this.index + 1, true), interval);
      // any key, click or touch stops it (after this tick: the click that started it does not)
      setTimeout(() => {
        for (const type of ['keydown', 'pointerdown', 'touchstart'] as const) window.addEventListener(type, this.onKioskInput, { capture: true });
      }, 0);
      this.say('info', translate(this.lang, 'present.kioskStarted', { seconds: interval / 1000 }));
    });
  }

  private stopKiosk(announceIt = true): void {
    if (this.kiosk === undefined) return;
    clearInterval(this.kiosk);
    this.kiosk = undefined;
    for (const type of ['keydown', 'pointerdown', 'touchstart'] as const) window.removeEventListener(type, this.onKioskInput, { capture: true });
    if (announceIt) this.say('info', translate(this.lang, 'present.kioskStopped'));
  }

  private readonly onKioskInput = (): void => this.stopKiosk();

  get kioskRunning(): boolean {
    return this.kiosk !== undefined;
  }

  private setDeck(deck: Deck, index = this.index): void {
    this.deck = deck;
    this.index = Math.max(0, Math.min(index, deck.slides.length - 1));
    const saved = saveDeck(deck);
    if (!saved.ok) this.say('error', translate(this.lang, 'deck.saveFailed', { message: saved.message }));
    this.render();
  }

  private editSlides(edit: (slides: Slide[]) => void, index = this.index): void {
    const slides = [...this.deck.slides];
    edit(slides);
    this.setDeck({ ...this.deck, slides }, index);
  }

  private slideFromView(): Slide {
    const state = this.services.store.getState();
    return {
      id: newSlideId(),
      camera: readCamera(this.services.view),
      layers: CATALOG_LAYERS.filter((layer) => state.layerVisibility[layer.id]).map((layer) => layer.id),
      year: state.year,
      // The feature selected on the map (inspector / search) becomes the slide's highlight.
      highlight: state.selection.type === 'feature' ? [state.selection.id] : [],
      spotlight: false,
      caption: { zh: translate('zh', 'deck.newCaption'), en: translate('en', 'deck.newCaption') },
    };
  }

  private async onAction(action: DeckAction): Promise<void> {
    switch (action.type) {
      case 'close': this.closePanel(); break;
      case 'present': await this.present(this.index); break;
      case 'present-from': await this.present(action.index); break;
      case 'goto': await this.goTo(action.index, true); break;
      case 'add': this.editSlides((slides) => slides.splice(this.index + 1, 0, this.slideFromView()), this.index + 1); break;
      case 'duplicate':
        this.editSlides((slides) => slides.splice(action.index + 1, 0, { ...structuredClone(slides[action.index]), id: newSlideId() }), action.index + 1);
        break;
      case 'delete':
        if (this.deck.slides.length < 2) { this.say('error', translate(this.lang, 'deck.lastSlide')); break; }
        this.editSlides((slides) => slides.splice(action.index, 1), Math.min(this.index, this.deck.slides.length - 2));
        break;
      case 'up':
      case 'down': {
        const target = action.index + (action.type === 'up' ? -1 : 1);
        if (target < 0 || target >= this.deck.slides.length) break;
        this.editSlides((slides) => { [slides[action.index], slides[target]] = [slides[target], slides[action.index]]; }, target);
        break;
      }
      case 'caption':
        this.editSlides((slides) => { slides[action.index] = { ...slides[action.index], caption: { ...slides[action.index].caption, [action.lang]: action.text } }; });
        break;
      case 'notes':
        this.editSlides((slides) => {
          const notes = { zh: slides[action.index].notes?.zh ?? '', en: slides[action.index].notes?.en ?? '', [action.lang]: action.text };
          const { notes: _old, ...rest } = slides[action.index];
          slides[action.index] = notes.zh || notes.en ? { ...rest, notes } : rest;
        });
        break;
      case 'presenter-view': this.openPresenterView(); break;
      case 'notes-strip':
        this.notesStrip = !this.notesStrip;
        if (!this.presenting) await this.present(this.index);
        else this.render();
        break;
      case 'kiosk': this.startKiosk(action.seconds); break;
      case 'handout': await this.printHandout(); break;
      case 'approval': {
        const text = action.text.trim().slice(0, MAX_APPROVAL_LENGTH);
        this.approvalNumber = text;
        const saved = save(APPROVAL_KEY, 1, text);
        if (!saved.ok) this.say('error', translate(this.lang, 'deck.saveFailed', { message: saved.message }));
        this.render();
        break;
      }
      case 'spotlight':
        this.editSlides((slides) => { slides[action.index] = { ...slides[action.index], spotlight: action.value }; });
        break;
      case 'reset': this.setDeck(builtinDeck(), 0); this.say('info', translate(this.lang, 'deck.resetDone')); break;
      case 'export-json': this.exportJson(); break;
      case 'import-json': await this.importJson(action.file); break;
      case 'download-backup':
        if (this.backupRaw !== undefined) downloadBlob(new Blob([this.backupRaw], { type: 'application/json' }), `jinan-plan-deck-backup-${today()}.json`);
        break;
      case 'png-full': await this.exportPng(1920, 1080); break;
      case 'png-window': await this.exportPng(Math.round(window.innerWidth), Math.round(window.innerHeight)); break;
    }
  }

  private exportJson(): void {
    const name = `jinan-plan-deck-${today()}.json`;
    downloadBlob(new Blob([JSON.stringify(toDeckFile(this.deck), null, 2)], { type: 'application/json' }), name);
    this.say('info', translate(this.lang, 'deck.exported', { name }));
  }

  private async importJson(file: File): Promise<void> {
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      this.say('error', translate(this.lang, 'deck.importFailed', { name: file.name, issues: (error as Error).message }));
      return;
    }
    const result = parseDeckFile(text, deckRules());
    if (!result.ok) {
      this.say('error', translate(this.lang, 'deck.importFailed', { name: file.name, issues: describeIssues(this.lang, result.issues) }));
      return;
    }
    this.setDeck(result.deck, 0);
    this.say('info', translate(this.lang, 'deck.imported', { name: file.name, count: result.deck.slides.length }));
  }

  private async exportPng(width: number, height: number): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.render();
    this.say('info', translate(this.lang, 'deck.pngWorking'));
    try {
      const { exportMapPng } = await import('../../map/export-png.ts');
      const state = this.services.store.getState();
      const lang = state.lang;
      const slide = this.deck.slides[this.index];
      const blob = await exportMapPng({
        view: this.services.view,
        data: state.data,
        visibility: drawnVisibility(state.layerVisibility, state.data),
        lang,
        year: state.year,
        highlight: this.currentHighlight,
        spotlight: this.currentSpotlight,
        width,
        height,
        title: translate(lang, 'app.title'),
        subtitle: `${translate(lang, 'export.year', { year: state.year })} · ${translate(lang, `timeline.goal.${state.year}` as MessageKey)}`,
        legendTitle: translate(lang, 'export.legend'),
        layerLabels: Object.fromEntries(CATALOG_LAYERS.map((layer) => [layer.id, translate(lang, layer.labelKey as MessageKey)])),
        sources: slide?.source && this.currentHighlight.length ? `${translate(lang, 'export.sources')} ${citeDocuments(slide.source, lang)}` : translate(lang, 'export.sources'),
        date: this.marks(lang),
        north: translate(lang, 'export.north'),
      });
      const name = `jinan-plan-${width}x${height}-${today()}.png`;
      downloadBlob(blob, name);
      this.say('info', translate(lang, 'deck.exported', { name }));
    } catch (error) {
      this.say('error', translate(this.lang, 'deck.pngFailed', { message: (error as Error).message }));
    } finally {
      this.busy = false;
      this.render();
    }
  }

  /** The statutory marks of every export: today's date, the data date, the indicator basis, the approval number. */
  private marks(lang: Lang): string {
    const { data, basis } = this.services.store.getState();
    return [
      translate(lang, 'export.date', { date: today() }),
      dataDate(data) ? translate(lang, 'export.dataDate', { date: dataDate(data) }) : '',
      basis.kind === 'landuse' ? translate(lang, 'export.basisLandUse', { name: basis.name }) : translate(lang, 'export.basis'),
      this.approvalNumber ? translate(lang, 'export.approval', { number: this.approvalNumber }) : '',
    ].filter(Boolean).join(' · ');
  }

  /** Draws each slide and each cluster once, builds the handout pages and opens the print dialog. */
  private async printHandout(): Promise<void> {
    if (this.busy || this.presenting) return;
    const { store, view } = this.services;
    const lang = this.lang;
    const before = { camera: currentCamera(view), visibility: store.getState().layerVisibility, year: store.getState().year, index: this.index };
    this.busy = true;
    this.render();
    this.say('info', translate(lang, 'deck.handoutWorking'));
    const pages: HandoutPage[] = [];
    try {
      for (const [index, slide] of this.deck.slides.entries()) {
        await this.goTo(index, false);
        await drawnNow(view);
        pages.push({
          kind: 'slide', title: `${translate(lang, 'deck.slideLabel', { n: index + 1 })} · ${this.deck.title[lang] || this.deck.title.zh}`,
          image: snapshotDataUrl(view), caption: slide.caption[lang] || slide.caption.zh, notes: this.notesOf(slide),
          source: slide.source ? citeDocuments(slide.source, lang) : '',
        });
      }
      this.highlight.clear();
      store.update((state) => ({ ...state, layerVisibility: before.visibility, year: before.year }));
      const data = store.getState().data;
      for (const cluster of (data.structure?.features ?? []).filter((feature) => feature.properties?.['kind'] === 'cluster')) {
        await fitFeatureNow(view, cluster);
        const row = store.getState().analysis.clusters.find((item) => item.id === cluster.properties?.['id']);
        const figures = row?.result.ok ? {
          blueGreen: row.result.figures.blueGreenRatio, blueGreenPass: row.result.figures.blueGreenTarget.pass,
          construction: row.result.figures.constructionRatio, constructionPass: row.result.figures.constructionTarget.pass,
          reason: undecidedReason(lang, store.getState().analysis.basis, row.result.figures),
        } : null;
        pages.push({
          kind: 'cluster', title: featureName(cluster, lang), theme: String(cluster.properties?.[`theme_${lang}`] ?? ''),
          image: snapshotDataUrl(view), figures, projects: regionContents(cluster, { projects: data.projects, crossings: data.crossings }).projects,
          ...(row?.result.ok && row.result.figures.landUse?.structure ? { structure: row.result.figures.landUse.structure } : {}),
        });
      }
    } finally {
      this.highlight.clear();
      store.update((state) => ({ ...state, layerVisibility: before.visibility, year: before.year }));
      jumpToCamera(view, before.camera);
      this.index = before.index;
      this.busy = false;
      this.render();
    }
    buildHandout(pages, lang, translate(lang, 'app.title'), this.marks(lang));
    document.body.classList.add('plan-handout');
    const done = () => {
      document.body.classList.remove('plan-handout');
      document.getElementById('plan-handout')?.remove();
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    const slides = pages.filter((page) => page.kind === 'slide').length;
    this.say('info', translate(lang, 'deck.handoutReady', { count: pages.length, slides, clusters: pages.length - slides }));
    window.print();
  }

  private currentHighlight: ReturnType<typeof featuresById> = [];
  private currentSpotlight = false;

  // ---- slides ------------------------------------------------------------------------------

  /** Shows slide `index`: layers and year into the store, highlight and camera onto the map. */
  async goTo(index: number, animate: boolean): Promise<void> {
    const slide = this.deck.slides[Math.max(0, Math.min(index, this.deck.slides.length - 1))];
    if (!slide) return;
    this.index = this.deck.slides.indexOf(slide);
    this.services.store.update((state) => setYear(showOnlyLayers(state, CATALOG_LAYERS.map((layer) => layer.id), slide.layers), slide.year));
    this.currentHighlight = featuresById(this.services.store.getState().data, slide.highlight);
    this.currentSpotlight = slide.spotlight && this.currentHighlight.length > 0;
    this.highlight.set(this.currentHighlight, this.currentSpotlight);
    this.render();
    if (this.presenting) {
      const caption = slide.caption[this.lang] || slide.caption.zh;
      this.say('info', translate(this.lang, 'present.slide', { n: this.index + 1, total: this.deck.slides.length, caption }));
    }
    document.body.dataset.slideIndex = String(this.index);
    await moveToCamera(this.services.view, slide.camera, animate);
  }

  // ---- present mode --------------------------------------------------------------------------

  async present(index: number): Promise<void> {
    if (this.presenting) return;
    this.presenting = true;
    this.blank = false;
    document.body.classList.add('plan-presenting');
    const overlay = document.createElement('plan-presenter-overlay');
    overlay.addEventListener('plan-present-exit', () => this.stop());
    this.overlay = overlay;
    document.body.append(overlay);
    this.unlock = lockInteraction(this.services.view);
    window.addEventListener('touchstart', this.onTouchStart, { passive: true });
    window.addEventListener('touchend', this.onTouchEnd);
    window.addEventListener('pointermove', this.onPointerMove);
    window.addEventListener('pointerdown', this.onPointerDown);
    window.addEventListener('pointerup', this.onPointerUp);
    window.addEventListener('keyup', this.onKeyUp);
    document.addEventListener('fullscreenchange', this.onFullscreenChange);
    (document.activeElement as HTMLElement | null)?.blur?.();
    try {
      await document.documentElement.requestFullscreen?.();
    } catch {
      this.say('info', translate(this.lang, 'present.fullscreenRefused'));
    }
    resizeMap(this.services.view);
    this.say('info', translate(this.lang, 'present.started', { n: index + 1, total: this.deck.slides.length }));
    await this.goTo(index, false);
  }

  stop(): void {
    if (!this.presenting) return;
    this.presenting = false;
    this.blank = false;
    window.removeEventListener('touchstart', this.onTouchStart);
    window.removeEventListener('touchend', this.onTouchEnd);
    window.removeEventListener('pointermove', this.onPointerMove);
    window.removeEventListener('pointerdown', this.onPointerDown);
    window.removeEventListener('pointerup', this.onPointerUp);
    window.removeEventListener('keyup', this.onKeyUp);
    for (const timer of this.strokeTimers) clearTimeout(timer);
    this.strokeTimers.clear();
    this.strokes = [];
    this.drawing = undefined;
    this.laser = false;
    this.stopKiosk(false);
    this.view.close();
    document.removeEventListener('fullscreenchange', this.onFullscreenChange);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    document.body.classList.remove('plan-presenting');
    this.overlay?.remove();
    this.overlay = undefined;
    this.highlight.clear();
    this.unlock?.();
    this.unlock = undefined;
    resizeMap(this.services.view);
    this.say('info', translate(this.lang, 'present.ended'));
    this.render();
  }

  private step(delta: number): void {
    if (this.blank) { this.blank = false; this.render(); }
    void this.goTo(this.index + delta, true);
  }

  /** Keys while presenting (registered in the `presenter` scope: they come before any element's). */
  private onKey(event: KeyboardEvent): void {
    if (NEXT_KEYS.has(event.key)) this.step(1);
    else if (PREVIOUS_KEYS.has(event.key)) this.step(-1);
    else if (event.key === 'Home') void this.goTo(0, true);
    else if (event.key === 'End') void this.goTo(this.deck.slides.length - 1, true);
    else if (event.key === 'b' || event.key === 'B' || event.key === '.') { this.blank = !this.blank; this.render(); }
    else if (event.key === 'l' || event.key === 'L') { if (!this.laser) { this.laser = true; this.render(); } }
    else if (event.key === 'Escape') this.stop();
  }

  /** The laser pointer follows the pointer while L is held; it is drawn on the audience screen only, never stored. */
  private readonly onPointerMove = (event: PointerEvent): void => {
    this.pointer = { x: event.clientX, y: event.clientY };
    if (this.drawing) {
      this.drawing.points.push([event.clientX, event.clientY]);
      this.render();
    } else if (this.laser && this.overlay) this.overlay.pointer = this.pointer;
  };

  /** With the laser held, pressing the button draws ink that fades a few seconds after it is drawn. */
  private readonly onPointerDown = (event: PointerEvent): void => {
    if (!this.laser) return;
    this.strokeCounter += 1;
    this.drawing = { id: this.strokeCounter, points: [[event.clientX, event.clientY]] };
    this.strokes.push(this.drawing);
    this.render();
  };

  private readonly onPointerUp = (): void => {
    const stroke = this.drawing;
    if (!stroke) return;
    this.drawing = undefined;
    const timer = setTimeout(() => {
      this.strokeTimers.delete(timer);
      this.strokes = this.strokes.filter((item) => item !== stroke);
      this.render();
    }, 4000);
    this.strokeTimers.add(timer);
  };

  private readonly onKeyUp = (event: KeyboardEvent): void => {
    if ((event.key === 'l' || event.key === 'L') && this.laser) {
      this.laser = false;
      this.onPointerUp();
      this.render();
    }
  };

  private readonly onTouchStart = (event: TouchEvent): void => {
    const touch = event.touches[0];
    this.touchStart = touch && event.touches.length === 1 ? { x: touch.clientX, y: touch.clientY } : undefined;
  };

  private readonly onTouchEnd = (event: TouchEvent): void => {
    const start = this.touchStart;
    const touch = event.changedTouches[0];
    this.touchStart = undefined;
    if (!start || !touch) return;
    const dx = touch.clientX - start.x;
    const dy = touch.clientY - start.y;
    if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) < Math.abs(dy) * 1.5) return;
    this.step(dx < 0 ? 1 : -1);
  };

  private readonly onFullscreenChange = (): void => {
    resizeMap(this.services.view);
    // Esc in full screen is taken by the browser: leaving full screen leaves the presentation.
    if (!document.fullscreenElement && this.presenting) this.stop();
  };
}
