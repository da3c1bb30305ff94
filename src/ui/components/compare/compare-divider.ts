import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { emit } from '../../events.ts';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import { pick, shallowEqual } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { MediaQueryController } from '../../controllers/media-query.controller.ts';
import { sideLabel, WIDE_QUERY } from './compare-panel.ts';
import { translate } from '../../../i18n/messages.ts';
import type { Lang } from '../../../i18n/messages.ts';
import { formatPercent } from '../../../i18n/format.ts';

/** Arrow keys move the divider by this much of the width (with Shift, by a fifth of it). */
const STEP = 0.05;

/**
 * The swipe divider of the compare, laid over the map: a slider (role="slider", 0–100 % of the width from
 * the left) dragged with a pointer or moved with the arrow keys, Page Up / Page Down, Home and End, with a
 * label on each side saying what it shows (side by side: the labels only). The host covers the map and lets
 * pointers through except on the divider itself. It renders the store's compare state and hides itself when no
 * compare is on.
 *
 * @fires plan-compare - `{ command: 'position', position }` while dragging or on a key
 */
@customElement('plan-compare-divider')
export class PlanCompareDivider extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  private readonly view = new StoreController(this, () => this.store, pick<PlanState, 'lang' | 'compare'>('lang', 'compare'), shallowEqual);
  private readonly wide = new MediaQueryController(this, WIDE_QUERY);

  /** 0..1 of the width, from the left */
  private get position(): number { return this.view.value?.compare.position ?? 0.5; }
  private get language(): Lang { return this.view.value?.lang ?? 'zh'; }
  /** side by side: no divider to move, the labels name the two halves */
  private get sideBySide(): boolean { return this.view.value?.compare.layout === 'side-by-side' && this.wide.matches; }
  /** what each side shows (e.g. "Left: Plan · 2023 · schematic layers") */
  private get leftLabel(): string { return this.view.value ? sideLabel(this.language, 'left', this.view.value.compare.left) : ''; }
  private get rightLabel(): string { return this.view.value ? sideLabel(this.language, 'right', this.view.value.compare.right) : ''; }

  protected override willUpdate(): void {
    this.hidden = !(this.view.value?.compare.active ?? false);
    this.toggleAttribute('side-by-side', this.sideBySide);
  }

  static override styles = css`
    :host { display: block; pointer-events: none; }
    :host([hidden]) { display: none; }
    .handle {
      position: absolute; top: 0; bottom: 0; width: 2.75rem; transform: translateX(-50%);
      pointer-events: auto; cursor: ew-resize; touch-action: none; outline: none;
      display: flex; align-items: center; justify-content: center;
    }
    .line { position: absolute; top: 0; bottom: 0; left: 50%; width: 3px; transform: translateX(-50%); background: #fff; box-shadow: 0 0 0 1px #14324a; }
    .knob {
      position: relative; width: 2.2rem; height: 2.2rem; border-radius: 50%; background: #14324a; color: #fff;
      display: flex; align-items: center; justify-content: center; font-size: 1rem; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.35);
    }
    .handle:focus-visible .knob { outline: 3px solid #b45309; outline-offset: 2px; }
    .label {
      position: absolute; top: calc(50% - 3.2rem); max-width: 45%; font-size: 0.75rem; color: #14324a; background: rgba(255, 255, 255, 0.92);
      border: 1px solid #d0ccc4; border-radius: 4px; padding: 0.1rem 0.4rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
    }
    .label.left { transform: translateX(calc(-100% - 1.6rem)); }
    .label.right { margin-left: 1.6rem; }
    .side-by-side .label.left { transform: none; margin-left: 0.5rem; }
    .side-by-side .label.right { margin-left: 0.5rem; }
  `;

  private move(position: number): void {
    const value = Math.min(1, Math.max(0, position));
    if (value !== this.position) emit(this, 'plan-compare', { command: 'position', position: value });
  }

  private positionAt(clientX: number): number {
    const rect = this.getBoundingClientRect();
    return rect.width > 0 ? (clientX - rect.left) / rect.width : this.position;
  }

  private onPointerDown(event: PointerEvent): void {
    const handle = event.currentTarget as HTMLElement;
    handle.setPointerCapture(event.pointerId);
    handle.focus();
    event.preventDefault();
  }

  private onPointerMove(event: PointerEvent): void {
    const handle = event.currentTarget as HTMLElement;
    if (handle.hasPointerCapture(event.pointerId)) this.move(this.positionAt(event.clientX));
  }

  private onKeyDown(event: KeyboardEvent): void {
    const step = event.shiftKey ? STEP / 5 : STEP;
    const moves: Record<string, number> = {
      ArrowLeft: this.position - step, ArrowDown: this.position - step, ArrowRight: this.position + step, ArrowUp: this.position + step,
      PageDown: this.position - 2 * STEP, PageUp: this.position + 2 * STEP, Home: 0, End: 1,
    };
    if (!(event.key in moves) || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    event.stopPropagation();
    this.move(Math.round(moves[event.key] * 1000) / 1000);
  }

  override render() {
    const lang = this.language;
    const percent = Math.round(this.position * 100);
    const labels = html`
      <div class="label left" data-testid="compare-label-left" style="left: ${this.sideBySide ? 0 : this.position * 100}%">${this.leftLabel}</div>
      <div class="label right" data-testid="compare-label-right" style="left: ${this.sideBySide ? 50 : this.position * 100}%">${this.rightLabel}</div>`;
    if (this.sideBySide) return html`<div class="side-by-side">${labels}</div>`;
    return html`
      ${labels}
      <div class="handle" style="left: ${this.position * 100}%" role="slider" tabindex="0"
        aria-label=${translate(lang, 'compare.divider')} aria-orientation="horizontal"
        aria-valuemin="0" aria-valuemax="100" aria-valuenow=${percent}
        aria-valuetext=${translate(lang, 'compare.dividerValue', { percent: formatPercent(this.position, lang) })}
        data-testid="compare-divider"
        @pointerdown=${this.onPointerDown} @pointermove=${this.onPointerMove} @keydown=${this.onKeyDown}>
        <div class="line"></div><div class="knob" aria-hidden="true">⇔</div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-compare-divider': PlanCompareDivider;
  }
}
