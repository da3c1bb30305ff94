import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { selectLineRoles } from '../../../state/control-lines-state.ts';
import { translate, type Lang } from '../../../i18n/messages.ts';
import { formatNumber } from '../../../i18n/format.ts';
import type { LandUseCoverage } from '../../../core/analysis/types.ts';
import { CONFLICT_KINDS, type ConflictKind, type ControlLineRole } from '../../../core/landuse/control-line-names.ts';

/** The line each conflict is measured against. */
export const CONFLICT_LINE: Record<ConflictKind, ControlLineRole> = {
  'ecological-red-line': 'ecological-red-line',
  'permanent-farmland': 'permanent-farmland',
  'outside-development-boundary': 'development-boundary',
};

/** The published rule for a conflict, where one exists (the development boundary's has no figure to show). */
const RULES: Partial<Record<ConflictKind, 'controlLines.rule.ecological-red-line' | 'controlLines.rule.permanent-farmland'>> = {
  'ecological-red-line': 'controlLines.rule.ecological-red-line',
  'permanent-farmland': 'controlLines.rule.permanent-farmland',
};

/** A conflict figure as shown: m² (null: unknown) and the text. */
export function conflictText(lang: Lang, kind: ConflictKind, conflicts: LandUseCoverage['conflicts'], roles: readonly ControlLineRole[]): { value: number | null; text: string } {
  const line = CONFLICT_LINE[kind];
  if (!roles.includes(line)) return { value: null, text: translate(lang, 'controlLines.conflict.unknown', { line: translate(lang, `controlLines.role.${line}`) }) };
  if (!conflicts) return { value: null, text: translate(lang, 'controlLines.conflict.noLandUse') };
  const value = conflicts[kind];
  if (value === null) return { value: null, text: translate(lang, 'controlLines.conflict.unknown', { line: translate(lang, `controlLines.role.${line}`) }) };
  return { value, text: `${formatNumber(value / 1e6, lang, 3)} km²` };
}

/**
 * The three control-line conflict figures of a region — urban construction land inside the ecological red line,
 * inside permanent basic farmland, outside the urban development boundary — each with `data-conflict` and
 * `data-value` (m²; empty while unknown: no land-use layer in use, or the line of that role not loaded, never 0).
 * With `rules`, the published rule beside the red line and the farmland (a rule, not a numeric threshold; the
 * development boundary's has none to show) and the definition. A region whose red-line or farmland conflict is
 * above zero says so first, with km². Reads the roles loaded from `state.controlLines`.
 */
@customElement('plan-control-line-conflicts')
export class PlanControlLineConflicts extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  /** the region's conflicts (absent: the figures carry none — no land-use layer in use or no lines cut into it) */
  @property({ attribute: false }) conflicts: LandUseCoverage['conflicts'] | undefined = undefined;
  @property({ attribute: false }) language: Lang = 'zh';
  /** show the published rules and the definition (the statistics panel) */
  @property({ type: Boolean }) rules = false;

  private readonly roles = new StoreController(this, () => this.store, selectLineRoles, (a, b) => a.join() === b.join());

  static override styles = css`
    :host { display: block; font-size: 0.85rem; }
    h4 { font-size: 0.85rem; margin: 0.4rem 0 0.2rem; }
    dl { display: grid; grid-template-columns: auto auto; gap: 0.15rem 0.6rem; margin: 0; }
    dt { color: #3e4c59; }
    dd { margin: 0; font-variant-numeric: tabular-nums; }
    dd[data-known='false'] { color: #52606d; }
    .rule, .definition { grid-column: 1 / -1; color: #52606d; font-size: 0.75rem; margin: 0 0 0.2rem; }
    .crosses { background: #fee2e2; color: #7f1d1d; padding: 0.25rem 0.4rem; border-radius: 3px; margin: 0.3rem 0; }
  `;

  override render() {
    const lang = this.language;
    const roles = this.roles.value ?? [];
    if (roles.length === 0 && !this.rules) return nothing;
    const figures = CONFLICT_KINDS.map((kind) => ({ kind, ...conflictText(lang, kind, this.conflicts, roles) }));
    const crossing = figures.filter((figure) => figure.kind !== 'outside-development-boundary' && (figure.value ?? 0) > 0);
    return html`
      ${crossing.map((figure) => html`<p class="crosses" role="status" data-crosses=${figure.kind}>${translate(lang, 'controlLines.crosses', {
        line: translate(lang, `controlLines.role.${CONFLICT_LINE[figure.kind]}`), km2: formatNumber(figure.value! / 1e6, lang, 3),
      })}</p>`)}
      <h4>${translate(lang, 'controlLines.conflicts.title')}</h4>
      <dl data-testid="control-line-conflicts">
        ${figures.map((figure) => html`
          <dt>${translate(lang, `controlLines.conflict.${figure.kind}`)}</dt>
          <dd data-conflict=${figure.kind} data-value=${figure.value === null ? '' : String(figure.value)} data-known=${String(figure.value !== null)}>${figure.text}</dd>
          ${this.rules && RULES[figure.kind] ? html`<dd class="rule" data-rule=${figure.kind}>${translate(lang, RULES[figure.kind]!)}</dd>` : nothing}`)}
      </dl>
      ${this.rules ? html`<p class="definition">${translate(lang, 'controlLines.conflict.definition')}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-control-line-conflicts': PlanControlLineConflicts;
  }
}

/**
 * The conflict figures as CSV rows (a header, then one row per conflict: its kind, its name in `lang`, m² — empty
 * while unknown — and the reason when unknown), for the whole area.
 */
export function conflictCsvRows(lang: Lang, conflicts: LandUseCoverage['conflicts'], roles: readonly ControlLineRole[]): (string | number | null)[][] {
  return [
    [translate(lang, 'controlLines.csv.conflict'), translate(lang, 'controlLines.csv.name'), translate(lang, 'controlLines.csv.m2'), translate(lang, 'controlLines.csv.note')],
    ...CONFLICT_KINDS.map((kind) => {
      const { value, text } = conflictText(lang, kind, conflicts, roles);
      return [kind, translate(lang, `controlLines.conflict.${kind}`), value === null ? null : Number(value.toFixed(1)), value === null ? text : ''];
    }),
  ];
}
