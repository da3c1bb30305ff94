import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import { sameItems } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { MODES } from '../../../state/modes.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { translate } from '../../../i18n/messages.ts';
import type { MessageKey } from '../../../i18n/messages.ts';
import { emit } from '../../events.ts';

/**
 * The mode switch in the header: Explore · Analyse · Present, one click (or the keys 1, 2, 3) each.
 *
 * @fires plan-mode-change - detail: the chosen mode
 */
@customElement('plan-mode-switch')
export class PlanModeSwitch extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  private readonly view = new StoreController(this, () => this.store, (state: PlanState) => [state.lang, state.mode] as const, sameItems);

  static override styles = css`
    :host { display: block; }
    div { display: flex; border: var(--plan-border-width, 1px) solid #fff; border-radius: 4px; overflow: hidden; }
    button {
      font: inherit; font-size: var(--plan-header-font-size, 0.85rem); border: 0; background: transparent; color: #fff;
      padding: 0.35em 0.75em; cursor: pointer; white-space: nowrap;
    }
    button[aria-pressed='true'] { background: #fff; color: #14324a; font-weight: 600; }
    button:focus-visible { outline: var(--plan-focus-width, 3px) solid #ffb000; outline-offset: -3px; }
    @media (max-width: 700px) { button { padding: 0.3em 0.6em; } }
  `;

  override render() {
    const [lang = 'zh', mode = 'explore'] = this.view.value ?? [];
    return html`<div role="group" aria-label=${translate(lang, 'mode.label')}>
      ${MODES.map((item, index) => html`<button type="button" data-mode=${item} aria-pressed=${String(mode === item)}
        title=${translate(lang, 'mode.key', { key: index + 1 })}
        @click=${() => emit(this, 'plan-mode-change', item)}>${translate(lang, `mode.${item}` as MessageKey)}</button>`)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-mode-switch': PlanModeSwitch;
  }
}
