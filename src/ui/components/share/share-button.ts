import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { translate } from '../../../i18n/messages.ts';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { emit } from '../../events.ts';

/**
 * Header button that opens the share dialog. Focusing the element focuses its button (so focus can return
 * to it when the dialog closes).
 * @fires plan-share-open - the button was pressed
 */
@customElement('plan-share-button')
export class PlanShareButton extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  private readonly view = new StoreController(this, () => this.store, (state: PlanState) => state.lang);

  private get language() {
    return this.view.value ?? 'zh';
  }

  static override styles = css`
    button {
      font: inherit; font-size: var(--plan-header-font-size, 0.9rem); color: #14324a; background: #fff; border: 0; border-radius: 4px;
      padding: 0.3rem 0.7rem; cursor: pointer; white-space: nowrap;
    }
    button:focus-visible { outline: var(--plan-focus-width, 3px) solid #ffb000; outline-offset: 2px; }
  `;

  override render() {
    return html`<button type="button" data-testid="share-open" aria-haspopup="dialog"
      title=${translate(this.language, 'share.buttonLabel')} @click=${() => emit(this, 'plan-share-open', null)}>
      ${translate(this.language, 'share.button')}</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-share-button': PlanShareButton;
  }
}
