import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import { pick, shallowEqual } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { clusterFeatures, featureId } from '../../../state/study-state.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { translate } from '../../../i18n/messages.ts';
import type { Lang, MessageKey } from '../../../i18n/messages.ts';
import type { RegionFigures } from '../../../core/analysis/types.ts';
import { errorMessage, formatNumber } from './study-figures.ts';
import './study-figures.ts';
import '../stats/land-use-structure.ts';
import { repeat } from 'lit/directives/repeat.js';
import { emit } from '../../events.ts';
import { featureName } from '../../../i18n/feature-name.ts';
import { passAttribute, shareText } from '../figure-verdict.ts';
import type { TargetCheck } from '../../../core/analysis/types.ts';
import type { StudyCommand } from '../../events.ts';

/** What the panel asks the app to do (`plan-study-command` event detail). */
export type { StudyCommand };

/**
 * The study-area tool's panel section: draw / edit / clear the study area and its live figures, and the
 * what-if cluster outline (choose, edit, reset) with the plan-vs-what-if row of that cluster.
 * It only renders state and fires `plan-study-command`; src/app/study.ts does the work.
 *
 * @fires plan-study-command - detail: {@link StudyCommand}
 */
/** The part of the state this element renders. */
type StudyPanelView = Pick<PlanState, 'lang' | 'data' | 'study' | 'basis'>;

@customElement('plan-study-panel')
export class PlanStudyPanel extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  private readonly view = new StoreController(this, () => this.store, pick<PlanState, 'lang' | 'data' | 'study' | 'basis'>('lang', 'data', 'study', 'basis'), shallowEqual);

  static override styles = css`
    :host { display: block; font-size: 0.9rem; }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.35rem; margin: 0.3rem 0; }
    button, select {
      font: inherit; font-size: 0.85rem; padding: 0.3rem 0.6rem; border-radius: 4px; border: 1px solid #94a3b8;
      background: #fff; color: #14324a; cursor: pointer;
    }
    button.primary { background: #14324a; color: #fff; border-color: #14324a; }
    button:focus-visible, select:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
    .hint, .note { color: #4b5563; font-size: 0.8rem; margin: 0.3rem 0; }
    h3 { font-size: 0.9rem; margin: 0.8rem 0 0.3rem; }
    table { border-collapse: collapse; width: 100%; font-size: 0.82rem; font-variant-numeric: tabular-nums; }
    th, td { text-align: right; padding: 0.15rem 0.3rem; border-bottom: 1px solid #e5e7eb; }
    th:first-child, td:first-child { text-align: left; }
    label { display: block; margin: 0.3rem 0 0.15rem; }
    ul.saved { list-style: none; margin: 0.3rem 0; padding: 0; }
    ul.saved li { border-bottom: 1px solid #e5e7eb; padding: 0.25rem 0; }
    summary { cursor: pointer; color: #14324a; }
    summary:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
    .error { background: #fee2e2; color: #7f1d1d; padding: 0.3rem 0.45rem; border-radius: 3px; margin: 0.35rem 0; }
  `;

  private send(detail: StudyCommand): void {
    emit(this, 'plan-study-command', detail);
  }

  private button(lang: Lang, key: MessageKey, detail: StudyCommand, primary = false, testId = '') {
    return html`<button class=${primary ? 'primary' : ''} data-testid=${testId || `study-${detail.command}`}
      @click=${() => this.send(detail)}>${translate(lang, key)}</button>`;
  }

  private studyTools(state: StudyPanelView) {
    const { lang, study } = state;
    const onStudy = study.target.kind === 'study';
    if (study.mode === 'drawing' && onStudy) {
      return html`<p class="hint">${translate(lang, 'study.hint.drawing')}</p>
        <div class="buttons">${this.button(lang, 'study.cancel', { command: 'cancel' })}</div>`;
    }
    const editing = study.mode === 'editing' && onStudy;
    return html`
      ${editing ? html`<p class="hint">${translate(lang, 'study.hint.editing')}</p>` : nothing}
      <div class="buttons">
        ${this.button(lang, study.polygon ? 'study.redraw' : 'study.draw', { command: 'draw' }, !study.polygon)}
        ${this.button(lang, 'study.fromView', { command: 'from-view' })}
        ${study.polygon && !editing ? this.button(lang, 'study.edit', { command: 'edit' }) : nothing}
        ${editing ? this.button(lang, 'study.done', { command: 'done' }) : nothing}
        ${study.polygon ? this.button(lang, 'study.clear', { command: 'clear' }) : nothing}
      </div>`;
  }

  private comparisonRows(lang: Lang, plan: RegionFigures | null, whatIf: RegionFigures | null) {
    // a share whose basis does not decide its target is a lower bound of what is mapped: "≥ 12.9%"
    const none = translate(lang, 'study.noRatio');
    const rows: [MessageKey, (f: RegionFigures) => string, string, ((f: RegionFigures) => TargetCheck) | null][] = [
      ['study.area', (f) => `${formatNumber(lang, f.areaKm2, 2)} km²`, 'area', null],
      ['study.blueGreen', (f) => shareText(lang, f.blueGreenRatio, f.blueGreenTarget, none), 'blue-green', (f) => f.blueGreenTarget],
      ['study.construction', (f) => shareText(lang, f.constructionRatio, f.constructionTarget, none), 'construction', (f) => f.constructionTarget],
    ];
    const pass = (figures: RegionFigures | null, check: ((f: RegionFigures) => TargetCheck) | null) => (check ? passAttribute(figures ? check(figures) : undefined) : nothing);
    return rows.map(([key, format, id, check]) => html`<tr data-testid=${`what-if-row-${id}`}>
      <td>${translate(lang, key)}</td>
      <td data-testid="plan" data-pass=${pass(plan, check)}>${plan ? format(plan) : '…'}</td>
      <td data-testid="what-if" data-pass=${pass(whatIf, check)}>${whatIf ? format(whatIf) : '…'}</td></tr>`);
  }

  private whatIfTools(state: StudyPanelView) {
    const { lang, study } = state;
    const clusters = clusterFeatures(state.data.structure);
    const chosen = study.clusterId;
    const editing = study.mode === 'editing' && study.target.kind === 'cluster';
    const comparison = study.comparison && study.comparison.id === chosen ? study.comparison : null;
    const name = (id: string) => {
      const feature = clusters.find((item) => featureId(item) === id);
      return featureName(feature, lang, id);
    };
    return html`
      <h3>${translate(lang, 'whatIf.title')}</h3>
      <label for="cluster">${translate(lang, 'whatIf.cluster')}</label>
      <select id="cluster" data-testid="what-if-cluster" .value=${chosen ?? ''}
        @change=${(event: Event) => this.send({ command: 'choose-cluster', clusterId: (event.target as HTMLSelectElement).value || null })}>
        <option value="" ?selected=${!chosen}>${translate(lang, 'whatIf.choose')}</option>
        ${clusters.map((feature) => {
          const id = featureId(feature);
          return html`<option value=${id} ?selected=${id === chosen}>${name(id)}${study.whatIf[id] ? ` ${translate(lang, 'whatIf.edited')}` : ''}</option>`;
        })}
      </select>
      ${chosen ? html`
        ${editing ? html`<p class="hint">${translate(lang, 'study.hint.editing')}</p>` : nothing}
        <div class="buttons">
          ${editing
            ? this.button(lang, 'whatIf.done', { command: 'done' }, false, 'what-if-done')
            : this.button(lang, 'whatIf.edit', { command: 'edit-cluster', clusterId: chosen }, true, 'what-if-edit')}
          ${study.whatIf[chosen] ? this.button(lang, 'whatIf.reset', { command: 'reset-cluster', clusterId: chosen }, false, 'what-if-reset') : nothing}
        </div>
        ${editing ? html`<plan-study-figures .language=${lang} .basis=${state.basis} .figures=${study.cluster.figures} .error=${study.cluster.error}></plan-study-figures>` : nothing}
        <table data-testid="what-if-table">
          <caption class="note">${name(chosen)}</caption>
          <thead><tr><th>${translate(lang, 'whatIf.column.figure')}</th><th>${translate(lang, 'whatIf.column.plan')}</th>
            <th>${translate(lang, 'whatIf.column.whatIf')}</th></tr></thead>
          <tbody>${this.comparisonRows(lang, comparison?.plan ?? null, comparison?.whatIf ?? null)}</tbody>
        </table>` : nothing}
      <p class="note">${translate(lang, 'whatIf.note')}</p>
      ${this.savedWhatIfs(state, name)}`;
  }

  /**
   * Every edited cluster outline, each with its land-use structure table and control-line conflicts in a
   * collapsed `<details>` (its item carries `data-what-if` = the cluster id), from `study.whatIfFigures`.
   */
  private savedWhatIfs(state: StudyPanelView, name: (id: string) => string) {
    const { lang, study, basis } = state;
    const ids = Object.keys(study.whatIf);
    if (ids.length === 0) return nothing;
    const basisName = basis.kind === 'landuse' ? translate(lang, 'stats.csv.basisLandUse', { name: basis.name }) : '';
    return html`
      <h3>${translate(lang, 'whatIf.saved', { count: ids.length })}</h3>
      <p class="note">${translate(lang, 'whatIf.saved.hint')}</p>
      <ul class="saved" data-testid="what-if-saved">${repeat(ids, (id) => id, (id) => {
        const live = study.whatIfFigures[id];
        const figures = live?.figures ?? null;
        return html`<li data-what-if=${id}>
          <details class="what-if">
            <summary>${figures
              ? translate(lang, 'whatIf.saved.summary', { name: name(id), area: formatNumber(lang, figures.areaKm2, 2) })
              : translate(lang, 'whatIf.saved.pending', { name: name(id) })}</summary>
            ${live?.error ? html`<p class="error" data-testid="what-if-error">${errorMessage(lang, live.error)}${figures ? html`<br>${translate(lang, 'study.stale')}` : nothing}</p>` : nothing}
            ${figures?.landUse ? html`
              <plan-landuse-structure .structure=${figures.landUse.structure ?? null} .language=${lang}
                .regionName=${translate(lang, 'structure.region.whatIf', { name: name(id) })} .basisName=${basisName}></plan-landuse-structure>
              <plan-control-line-conflicts .conflicts=${figures.landUse.conflicts} .language=${lang}></plan-control-line-conflicts>`
              : figures ? html`<p class="note">${translate(lang, 'structure.needLandUse')}</p>` : nothing}
          </details></li>`;
      })}</ul>`;
  }

  override render() {
    const state = this.view.value;
    if (!state) return nothing;
    const { lang, study } = state;
    const onStudy = study.target.kind === 'study';
    return html`
      ${this.studyTools(state)}
      ${study.loading ? html`<p class="hint" data-testid="study-loading">${translate(lang, 'study.loading')}</p>` : nothing}
      ${study.polygon || (study.mode === 'drawing' && onStudy) ? html`
        <plan-study-figures data-testid="study-figures-element" .language=${lang} .basis=${state.basis} .heading=${translate(lang, 'study.figures')}
          .figures=${study.study.figures} .error=${study.study.error}></plan-study-figures>`
        : html`<p class="hint">${translate(lang, 'study.empty')}</p>`}
      ${state.basis.kind === 'schematic' ? html`<p class="note">${translate(lang, 'study.schematic')}</p>` : nothing}
      ${this.whatIfTools(state)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-study-panel': PlanStudyPanel;
  }
}
