import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../events.ts';

/**
 * What the audience sees over the full-screen map while presenting: the large caption, its source, the
 * slide counter, and a black screen when blanked. Text comes in ready-translated.
 *
 * @fires plan-present-exit - the exit button was pressed
 */
@customElement('plan-presenter-overlay')
export class PlanPresenterOverlay extends LitElement {
  @property() caption = '';
  @property() source = '';
  @property() counter = '';
  @property() exitLabel = '';
  @property() blankLabel = '';
  @property({ type: Boolean, reflect: true }) blank = false;

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
    .blank { position: absolute; inset: 0; background: #000; pointer-events: auto; color: #9aa5b1; display: flex; align-items: flex-end; justify-content: center; padding-bottom: 2rem; font-size: 0.8rem; }
  `;

  override render() {
    return html`
      <button type="button" @click=${() => emit(this, 'plan-present-exit', null)}>${this.exitLabel}</button>
      <div class="counter" data-testid="slide-counter">${this.counter}</div>
      <div class="caption" data-testid="slide-caption"><p>${this.caption}</p>${this.source ? html`<small class="source">${this.source}</small>` : null}</div>
      ${this.blank ? html`<div class="blank" data-testid="blank-screen">${this.blankLabel}</div>` : null}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-presenter-overlay': PlanPresenterOverlay;
  }
}
