import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { translate } from '../../../i18n/messages.ts';
import type { StudyCommand } from './study-panel.ts';

/**
 * Header button of the study-area tool: opens the tool (starts drawing, or edits the saved study area).
 * @fires plan-study-command - `{ command: 'open' }`
 */
@customElement('plan-study-button')
export class PlanStudyButton extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  private readonly view = new StoreController(this, () => this.store, (state: PlanState) => state.lang);
  private readonly active = new StoreController(this, () => this.store, (state: PlanState) => state.study.mode !== 'off');

  static override styles = css`
    button {
      font: inherit; font-size: var(--plan-header-font-size, 0.9rem); color: #14324a; background: #fff; border: 0; border-radius: 4px;
      padding: 0.35em 0.75em; cursor: pointer; white-space: nowrap;
    }
    button[aria-pressed='true'] { background: #fde68a; }
    button:focus-visible { outline: var(--plan-focus-width, 3px) solid #ffb000; outline-offset: 2px; }
    @media (max-width: 700px) { button { padding: 0.3em 0.5em; } }
  `;

  override render() {
    const lang = this.view.value ?? 'zh';
    return html`<button data-testid="study-open" aria-pressed=${String(Boolean(this.active.value))}
      title=${translate(lang, 'study.toolbarLabel')}
      @click=${() => this.dispatchEvent(new CustomEvent<StudyCommand>('plan-study-command', { detail: { command: 'open' }, bubbles: true, composed: true }))}>
      ⬠ ${translate(lang, 'study.toolbar')}</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-study-button': PlanStudyButton;
  }
}
