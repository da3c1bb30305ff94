/**
 * The handout's page of the transition matrix between the two land-use states (现状 → 规划), when there are two:
 * the two layers' names, the matrix in km² at the level shown in the statistics with row and column totals (each
 * cell with `data-from`, `data-to` and `data-area-m2`, as on screen), and its definition. Styled as the structure
 * table (`handout-structure`).
 */
import type { PlanState } from '../../state/plan-state.ts';
import { selectStates } from '../../state/landuse-second-state.ts';
import { translate, type Lang } from '../../i18n/messages.ts';
import { formatNumber } from '../../i18n/format.ts';
import { transitionLabel, transitionTotals } from '../../ui/components/stats/transition-rows.ts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The page, or null while there is no second state with its matrix. */
export function transitionHandoutPage(state: PlanState, lang: Lang, heading: string, marks: string): HTMLElement | null {
  const states = selectStates(state);
  const matrix = states?.matrix;
  if (!states || !matrix) return null;
  const first = state.landuse.summary?.name ?? '';
  const [current, plan] = states.role === 'plan' ? [first, states.summary.name] : [states.summary.name, first];
  const { value, rows, columns } = transitionTotals(matrix);
  const km2 = (m2: number) => formatNumber(m2 / 1e6, lang, 3);
  const cell = (tag: 'td' | 'th', text: string, data: Record<string, string> = {}) => {
    const node = element(tag, '', text);
    Object.assign(node.dataset, data);
    return node;
  };
  const table = element('table', 'handout-structure handout-transition');
  const head = element('tr', '');
  head.append(cell('th', translate(lang, 'landuse.states.fromTo')), ...matrix.to.map((to) => cell('th', transitionLabel(lang, to))), cell('th', translate(lang, 'landuse.states.total')));
  table.append(head);
  for (const from of matrix.from) {
    const line = element('tr', '');
    line.append(cell('th', transitionLabel(lang, from)), ...matrix.to.map((to) => cell('td', km2(value(from, to)), { from, to, areaM2: String(value(from, to)) })),
      cell('td', km2(rows.get(from) ?? 0), { total: 'row', from, areaM2: String(rows.get(from) ?? 0) }));
    table.append(line);
  }
  const totals = element('tr', '');
  totals.append(cell('th', translate(lang, 'landuse.states.total')), ...matrix.to.map((to) => cell('td', km2(columns.get(to) ?? 0), { total: 'column', to, areaM2: String(columns.get(to) ?? 0) })),
    cell('td', km2(matrix.commonSquareMeters), { total: 'all', areaM2: String(matrix.commonSquareMeters) }));
  table.append(totals);
  const sheet = element('article', 'handout-page handout-transition-page');
  sheet.append(element('p', 'handout-heading', heading), element('h1', '', translate(lang, 'landuse.states.matrixTitle')),
    element('p', '', translate(lang, 'landuse.states.pair', { current, plan })), table,
    element('p', 'handout-note', translate(lang, 'landuse.states.definition')), element('p', 'handout-marks', marks));
  return sheet;
}
