import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { otherRole, selectSecondState } from '../../../state/landuse-second-state.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { emit } from '../../events.ts';
import { translate } from '../../../i18n/messages.ts';

/**
 * The second land-use state in the land-use panel: a layer read while another is in force is offered — use it as
 * 规划 (plan) or as 现状 (current state), replace the current layer with it, or drop it — and, once it has a role,
 * which layer is which, compare 现状 | 规划 (swipe, with the matrix beside it), a swap and a remove. Reads `state.landuse.second` and the first state's name.
 * @fires plan-landuse-state - the planner's choice
 */
@customElement('plan-landuse-states')
export class PlanLandUseStates extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  private readonly second = new StoreController(this, () => this.store, selectSecondState);
  private readonly firstName = new StoreController(this, () => this.store, (s: PlanState) => s.landuse.summary?.name ?? '');
  private readonly language = new StoreController(this, () => this.store, (s: PlanState) => s.lang);

  static override styles = css`
    :host { display: block; }
    section { border: 1px solid #2563eb; background: #eff6ff; border-radius: 4px; padding: 0.4rem 0.5rem; margin: 0.4rem 0; }
    p { margin: 0.2rem 0; overflow-wrap: anywhere; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.3rem; margin-top: 0.3rem; }
    button { font: inherit; font-size: 0.8rem; padding: 0.2rem 0.5rem; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; color: #14324a; cursor: pointer; }
    button.primary { background: #14324a; color: #fff; }
    button:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
  `;

  private choose(choice: 'current' | 'plan' | 'replace' | 'drop' | 'compare') {
    return () => emit(this, 'plan-landuse-state', { choice });
  }

  override render() {
    const second = this.second.value;
    if (!second) return nothing;
    const lang = this.language.value ?? 'zh';
    const first = this.firstName.value ?? '';
    const name = second.summary.name;
    if (second.role === null) {
      return html`<section data-testid="landuse-state-offer" aria-live="polite">
        <p>${translate(lang, 'landuse.states.offer', { name, current: first })}</p>
        <div class="actions">
          <button type="button" class="primary" data-choice="plan" @click=${this.choose('plan')}>${translate(lang, 'landuse.states.asPlan')}</button>
          <button type="button" class="primary" data-choice="current" @click=${this.choose('current')}>${translate(lang, 'landuse.states.asCurrent')}</button>
          <button type="button" data-choice="replace" @click=${this.choose('replace')}>${translate(lang, 'landuse.states.replace')}</button>
          <button type="button" data-choice="drop" @click=${this.choose('drop')}>${translate(lang, 'landuse.states.drop')}</button>
        </div></section>`;
    }
    const [current, plan] = second.role === 'plan' ? [first, name] : [name, first];
    return html`<section data-testid="landuse-states" data-role=${second.role} data-status=${second.status}>
      <p>${translate(lang, 'landuse.states.pair', { current, plan })}</p>
      ${second.status === 'reading' ? html`<p aria-busy="true">${translate(lang, 'landuse.states.readingShort')}</p>` : nothing}
      <div class="actions">
        <button type="button" data-choice="compare" ?disabled=${second.status !== 'ready'} @click=${this.choose('compare')}>${translate(lang, 'landuse.states.compare')}</button>
        <button type="button" data-choice="swap" ?disabled=${second.status !== 'ready'} @click=${this.choose(otherRole(second.role))}>${translate(lang, 'landuse.states.swap')}</button>
        <button type="button" data-choice="drop" @click=${this.choose('drop')}>${translate(lang, 'landuse.states.remove')}</button>
      </div></section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-landuse-states': PlanLandUseStates;
  }
}
