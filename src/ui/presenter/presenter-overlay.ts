import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../events.ts';
import { translate } from '../../i18n/messages.ts';
import type { Lang } from '../../i18n/messages.ts';
import { citeDocuments } from '../../data/documents.ts';
import { shallowEqual } from '../../state/store.ts';
import type { Store } from '../../state/store.ts';
import type { PlanState } from '../../state/plan-state.ts';
import { slideText } from '../../state/presenter-state.ts';
import type { InkStroke, PresenterState } from '../../state/presenter-state.ts';
import { StoreController } from '../controllers/store.controller.ts';

/** What the audience screen shows, read from the store's presenter slice. */
interface OverlayView {
  lang: Lang;
  deck: PresenterState['deck'];
  index: number;
  blank: boolean;
  notesStrip: boolean;
  pointer: PresenterState['pointer'];
  strokes: readonly InkStroke[];
}

/**
 * What the audience sees over the full-screen map while presenting: the large caption, its source, the
 * slide counter, and a black screen when blanked; the notes strip, the laser pointer and fading ink when on.
 * Reads the store's presenter slice.
 *
 * @fires plan-present-exit - the exit button was pressed
 */
@customElement('plan-presenter-overlay')
export class PlanPresenterOverlay extends LitElement {
  /** the app's store (the overlay lies over the page, outside the shell's store context) */
  @property({ attribute: false }) store: Store<PlanState> | undefined;

  private readonly view = new StoreController<PlanState, OverlayView>(this, () => this.store, ({ lang, presenter }) => ({
    lang, deck: presenter.deck, index: presenter.index, blank: presenter.blank, notesStrip: presenter.notesStrip,
    pointer: presenter.laser ? presenter.pointer : null, strokes: presenter.strokes,
  }), shallowEqual);

  static override styles = css`
    :host {
      position: fixed;
      inset: 0;
      z-index: 1000;
      pointer-events: none;
      font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif;
      touch-action: none;
    }
    .caption {
      position: absolute;
      left: 50%;
      bottom: 4vh;
      transform: translateX(-50%);
      width: min(92vw, 70rem);
      box-sizing: border-box;
      background: rgba(12, 30, 45, 0.86);
      color: #fff;
      border-radius: 8px;
      padding: 1.1rem 1.5rem;
      font-size: clamp(1.1rem, 2.6vw, 2.1rem);
      line-height: 1.45;
    }
    .caption p { margin: 0; }
    .source { display: block; margin-top: 0.5rem; font-size: clamp(0.7rem, 1vw, 0.9rem); opacity: 0.8; }
    .counter {
      position: absolute;
      right: 1.2rem;
      top: 1rem;
      background: rgba(12, 30, 45, 0.8);
      color: #fff;
      border-radius: 4px;
      padding: 0.3rem 0.7rem;
      font-size: clamp(0.9rem, 1.4vw, 1.3rem);
      font-variant-numeric: tabular-nums;
    }
    button {
      position: absolute;
      left: 1rem;
      top: 1rem;
      pointer-events: auto;
      font: inherit;
      background: rgba(12, 30, 45, 0.6);
      color: #fff;
      border: 0;
      border-radius: 4px;
      padding: 0.35rem 0.7rem;
      cursor: pointer;
      opacity: 0.5;
    }
    button:hover, button:focus-visible { opacity: 1; outline: 3px solid #ffb000; }
    .notes-strip {
      position: absolute; left: 0; right: 0; top: 0; padding: 0.5rem 1rem 0.5rem 8rem; box-sizing: border-box;
      background: rgba(255, 251, 235, 0.95); color: #1f2933; font-size: clamp(0.8rem, 1.2vw, 1rem); line-height: 1.4;
      border-bottom: 2px solid #b45309; max-height: 22vh; overflow: auto;
    }
    .laser {
      position: absolute; width: 18px; height: 18px; margin: -9px 0 0 -9px; border-radius: 50%;
      background: rgba(230, 30, 30, 0.85); box-shadow: 0 0 12px 5px rgba(255, 40, 40, 0.6);
    }
    svg.ink { position: absolute; inset: 0; width: 100%; height: 100%; }
    svg.ink polyline { fill: none; stroke: #e11d48; stroke-width: 5; stroke-linecap: round; stroke-linejoin: round;
      animation: ink-fade 3s ease-in 0.5s forwards; }
    @keyframes ink-fade { to { opacity: 0; } }
    .blank { position: absolute; inset: 0; background: #000; pointer-events: auto; color: #9aa5b1; display: flex; align-items: flex-end; justify-content: center; padding-bottom: 2rem; font-size: 0.8rem; }
  `;

  override render() {
    const view = this.view.value;
    if (!view) return null;
    const { lang, deck, index, blank, pointer, strokes } = view;
    const slide = deck?.slides[index];
    const notes = view.notesStrip ? slideText(slide, lang, 'notes') || translate(lang, 'present.noNotes') : '';
    return html`
      <button type="button" @click=${() => emit(this, 'plan-present-exit', null)}>${translate(lang, 'present.exit')}</button>
      <div class="counter" data-testid="slide-counter">${translate(lang, 'present.counter', { n: index + 1, total: deck?.slides.length ?? 0 })}</div>
      <div class="caption" data-testid="slide-caption"><p>${slideText(slide, lang, 'caption')}</p>${slide?.source ? html`<small class="source">${citeDocuments(slide.source, lang)}</small>` : null}</div>
      ${notes ? html`<div class="notes-strip" data-testid="notes-strip">${notes}</div>` : null}
      ${strokes.length ? svg`<svg class="ink" data-testid="ink">${strokes.map((stroke) =>
        svg`<polyline data-stroke=${stroke.id} points=${stroke.points.map(([x, y]) => `${x},${y}`).join(' ')}></polyline>`)}</svg>` : null}
      ${pointer ? html`<div class="laser" data-testid="laser" style="left: ${pointer.x}px; top: ${pointer.y}px"></div>` : null}
      ${blank ? html`<div class="blank" data-testid="blank-screen">${translate(lang, 'present.blank')}</div>` : null}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-presenter-overlay': PlanPresenterOverlay;
  }
}
