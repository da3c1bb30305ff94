import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import { sameItems } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { translate } from '../../../i18n/messages.ts';
import { emit } from '../../events.ts';

/**
 * The header's large-text switch (大字号): a toggle button; pressed means larger interface text and map
 * labels with raised contrast.
 *
 * @fires plan-large-text-change - detail: true to switch large text on, false to switch it off
 */
@customElement('plan-large-text-button')
export class PlanLargeTextButton extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  private readonly view = new StoreController(this, () => this.store, (state: PlanState) => [state.lang, state.largeText] as const, sameItems);

  static override styles = css`
    :host { display: block; }
    button {
      font: inherit; font-size: var(--plan-header-font-size, 0.85rem); border: var(--plan-border-width, 1px) solid #fff;
      border-radius: 4px; background: transparent; color: #fff; padding: 0.3em 0.6em; cursor: pointer; white-space: nowrap;
      display: inline-flex; align-items: center; gap: 0.3rem;
    }
    button[aria-pressed='true'] { background: #fff; color: #14324a; font-weight: 600; }
    button:focus-visible { outline: var(--plan-focus-width, 3px) solid #ffb000; outline-offset: 2px; }
    .glyph { font-weight: 700; letter-spacing: -0.05em; }
    .big { font-size: 1.25em; }
    @media (max-width: 700px) { .glyph { display: none; } button { padding: 0.3em 0.5em; } }
  `;

  override render() {
    const [lang = 'zh', on = false] = this.view.value ?? [];
    return html`<button type="button" aria-pressed=${String(on)} title=${translate(lang, 'display.largeTextLabel')}
      @click=${() => emit(this, 'plan-large-text-change', !on)}><span class="glyph" aria-hidden="true">A<span
      class="big">A</span></span>${translate(lang, 'display.largeText')}</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-large-text-button': PlanLargeTextButton;
  }
}
