import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../../state/store-context.ts';
import { pick, shallowEqual } from '../../state/store.ts';
import type { Store } from '../../state/store.ts';
import type { PlanState } from '../../state/plan-state.ts';
import { StoreController } from '../controllers/store.controller.ts';
import { translate } from '../../i18n/messages.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { TIMELINE_YEARS } from '../../core/timeline/status-in-year.ts';
import { emit } from '../events.ts';

/**
 * The phasing timeline ("三步走"): a compact year switch over the map and the step's goal as text.
 * Asks for a year with `plan-year-change` (the app sets `year`; the map follows). On phones (≤ 700 px) it is one compact row: the
 * label is only the group's accessible name and the goal text opens with a toggle.
 */
@customElement('plan-timeline')
export class PlanTimeline extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  store: Store<PlanState> | undefined;

  private readonly view = new StoreController<PlanState, Pick<PlanState, 'lang' | 'year'>>(
    this, () => this.store, pick('lang', 'year'), shallowEqual);

  /** phone only: the step's goal text is shown */
  @state() private goalOpen = false;

  static override styles = css`
    :host {
      display: block;
      background: rgba(255, 255, 255, 0.94);
      border-radius: 6px;
      box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
      padding: 0.35rem 0.5rem;
      font-size: 0.8rem;
      color: #14324a;
      max-width: min(34rem, calc(100vw - 1rem));
    }
    .row { display: flex; align-items: center; gap: 0.35rem; flex-wrap: wrap; }
    .label { font-weight: 600; margin-right: 0.2rem; }
    button {
      font: inherit;
      border: 1px solid #14324a;
      background: #fff;
      color: #14324a;
      border-radius: 4px;
      padding: 0.15rem 0.5rem;
      cursor: pointer;
      min-height: 1.8rem;
    }
    button[aria-pressed='true'] { background: #14324a; color: #fff; }
    button:focus-visible { outline: 3px solid #ffb000; outline-offset: 2px; }
    .goal { margin: 0.25rem 0 0; line-height: 1.35; }
    button.goal-toggle { display: none; border-color: #8a96a3; }
    @media (max-width: 700px) {
      :host { padding: 0.25rem 0.35rem; }
      .row { flex-wrap: nowrap; gap: 0.25rem; }
      .label { display: none; }
      button { padding: 0.1rem 0.4rem; white-space: nowrap; }
      button.goal-toggle { display: inline-block; }
      .goal:not([data-open]) { display: none; }
    }
  `;

  private choose(year: number): void {
    emit(this, 'plan-year-change', { year });
  }

  override render() {
    const value = this.view.value;
    if (!value) return null;
    const { lang, year } = value;
    return html`
      <div class="row" role="group" aria-label=${translate(lang, 'timeline.label')}>
        <span class="label">${translate(lang, 'timeline.label')}</span>
        ${TIMELINE_YEARS.map((candidate) => html`
          <button type="button" aria-pressed=${candidate === year ? 'true' : 'false'} data-year=${candidate}
            @click=${() => this.choose(candidate)}>${translate(lang, `timeline.year.${candidate}` as MessageKey)}</button>`)}
        <button type="button" class="goal-toggle" aria-expanded=${String(this.goalOpen)} aria-controls="goal"
          title=${translate(lang, 'timeline.showGoalLabel')} @click=${() => { this.goalOpen = !this.goalOpen; }}>
          ${translate(lang, 'timeline.showGoal')} ${this.goalOpen ? '▾' : '▸'}</button>
      </div>
      <p class="goal" id="goal" ?data-open=${this.goalOpen} data-testid="timeline-goal" title=${translate(lang, 'timeline.note')}>${translate(lang, `timeline.goal.${year}` as MessageKey)}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-timeline': PlanTimeline;
  }
}
