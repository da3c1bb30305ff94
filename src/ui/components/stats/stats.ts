import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import { crossingSummary } from '../../../core/crossings/crossing-summary.ts';
import { unlocatedEntries } from '../../../core/unlocated/unlocated-entries.ts';
import type { UnlocatedEntry } from '../../../core/unlocated/unlocated-entries.ts';
import { translateValue } from '../../../i18n/translate-value.ts';
import { basisText, figuresNote, ILLUSTRATIVE_CSS } from '../illustrative-note.ts';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { emit } from '../../events.ts';
import { downloadBlob } from '../../download.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { translate } from '../../../i18n/messages.ts';
import type { Lang, MessageKey } from '../../../i18n/messages.ts';
import { BLUE_GREEN_CLASSES } from '../../../core/analysis/index.ts';
import type { BlueGreenClass, LandUseCoverage, RegionFigures } from '../../../core/analysis/index.ts';
import { isDecided } from '../../../core/analysis/target-check.ts';
import { SCHEMATIC_BASIS } from '../../../state/basis.ts';
import { loadLandUseButton, passAttribute, planTargetText, shareText, undecidedReason, VERDICT_CSS } from '../figure-verdict.ts';
import {
  SORT_KEYS, buildCsv, formatNumber, formatPercent, formatSigned, nextSort, rowName, sortRows, statsCsv, statsRows,
} from './stats-table.ts';
import type { RegionType, SortKey, SortState, StatsRow } from './stats-table.ts';
import { formatTargetPercent } from '../../../i18n/format.ts';
import type { LandUseStructure } from '../../../core/landuse/structure-table.ts';
import './land-use-structure.ts';
import '../landuse/control-lines-conflicts.ts';
import { conflictCsvRows } from '../landuse/control-lines-conflicts.ts';
import { selectLineRoles } from '../../../state/control-lines-state.ts';
import './transition-matrix.ts';

const COLUMN_KEYS: Record<SortKey, MessageKey> = {
  name: 'stats.col.name',
  type: 'stats.col.type',
  area: 'stats.col.area',
  blueGreen: 'stats.col.blueGreen',
  construction: 'stats.col.construction',
};

/** The CSV file name of the table export. */
export const STATS_CSV_FILE = 'startup-area-figures.csv';

/**
 * The statistics panel: whole-area blue-green and construction shares against their targets,
 * the area reconciliation, which blue-green classes count, and a sortable, exportable table of clusters
 * and subdistricts. Reads `state.analysis` (computed in the analysis worker); writes `state.analysisClasses`.
 */
@customElement('plan-stats')
export class PlanStats extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  @state() private sort: SortState | undefined;
  /** the region whose land-use structure is shown: `whole`, `cluster:<id>`, `subdistrict:<id>`, `study`, `what-if:<id>` */
  @state() private structureRegion = 'whole';

  private readonly view = new StoreController(this, () => this.store, (s: PlanState) => s.analysis);
  private readonly language = new StoreController(this, () => this.store, (s: PlanState) => s.lang);
  private readonly counted = new StoreController(this, () => this.store, (s: PlanState) => s.analysisClasses);
  private readonly crossings = new StoreController(this, () => this.store, (s: PlanState) => s.data.crossings);
  private readonly projects = new StoreController(this, () => this.store, (s: PlanState) => s.data.projects);
  private readonly study = new StoreController(this, () => this.store, (s: PlanState) => s.study);
  private readonly lineRoles = new StoreController(this, () => this.store, selectLineRoles, (a, b) => a.join() === b.join());
  private readonly boundary = new StoreController(this, () => this.store, (s: PlanState) => s.data.boundary?.features[0]?.properties ?? null);

  static override styles = css`
    ${unsafeCSS(ILLUSTRATIVE_CSS)}
    ${unsafeCSS(VERDICT_CSS)}
    :host { display: block; font-size: 0.88rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    p { margin: 0.4rem 0; }
    .area-note { font-size: 0.78rem; color: #4a5561; }
    ul.unlocated { margin: 0.3rem 0; padding-left: 1.1rem; font-size: 0.8rem; }
    ul.unlocated li { margin-bottom: 0.3rem; }
    .reason { color: #4a5561; }
    summary { cursor: pointer; color: #14324a; }
    .basis { font-size: 0.78rem; color: #14324a; background: #eef4f8; border-left: 3px solid #14324a; padding: 0.3rem 0.5rem; }
    .schematic { font-size: 0.78rem; color: #6b4e16; background: #fdf6e3; border-left: 3px solid #b45309; padding: 0.3rem 0.5rem; }
    .gauge { margin: 0.6rem 0; }
    .gauge-head { display: flex; justify-content: space-between; gap: 0.5rem; font-weight: 600; }
    .gauge-value { font-variant-numeric: tabular-nums; font-size: 1.05rem; }
    .bar { position: relative; height: 0.9rem; background: #e6e2da; border-radius: 3px; margin: 0.25rem 0; overflow: visible; }
    .fill { position: absolute; inset: 0 auto 0 0; border-radius: 3px; }
    .fill.blue-green { background: #1b7f5a; }
    .fill.construction { background: #8a5a44; }
    .target-line { position: absolute; top: -0.2rem; bottom: -0.2rem; width: 2px; background: #14324a; }
    .target-line::after { content: attr(data-label); position: absolute; top: 1.1rem; transform: translateX(-50%); font-size: 0.7rem; color: #14324a; white-space: nowrap; }
    .verdict { font-size: 0.82rem; margin-top: 0.9rem; }
    .pass { color: #14532d; }
    .fail { color: #991b1b; }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 0.1rem 0.75rem; margin: 0.3rem 0; }
    dt { color: #4a5561; }
    dd { margin: 0; font-variant-numeric: tabular-nums; text-align: right; }
    h3 { font-size: 0.88rem; margin: 0.8rem 0 0.3rem; color: #14324a; }
    fieldset { border: 1px solid #d0ccc4; border-radius: 4px; margin: 0.6rem 0; padding: 0.3rem 0.6rem 0.5rem; }
    legend { font-weight: 600; padding: 0 0.25rem; color: #14324a; }
    .class-row { display: flex; align-items: center; gap: 0.4rem; min-height: 1.8rem; }
    .class-row label { flex: 1; cursor: pointer; }
    .class-area { color: #4a5561; font-variant-numeric: tabular-nums; font-size: 0.8rem; }
    input[type='checkbox'] { width: 1.05rem; height: 1.05rem; margin: 0; accent-color: #14324a; }
    .hint { font-size: 0.78rem; color: #4a5561; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 0.78rem; }
    tbody th { font-weight: 500; }
    .type { display: block; font-size: 0.7rem; color: #4a5561; font-weight: 400; }
    caption { text-align: left; font-size: 0.78rem; color: #4a5561; padding-bottom: 0.25rem; }
    th, td { padding: 0.2rem 0.3rem; border-bottom: 1px solid #e6e2da; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    th { text-align: left; vertical-align: bottom; }
    th button {
      font: inherit; font-weight: 600; background: none; border: 0; padding: 0.15rem 0; color: #14324a; cursor: pointer;
      text-align: inherit;
    }
    th button span { margin-left: 0.15rem; }
    th.num { text-align: right; }
    button:focus-visible, input:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
    .export {
      font: inherit; margin-top: 0.5rem; padding: 0.35rem 0.7rem; background: #14324a; color: #fff; border: 0;
      border-radius: 4px; cursor: pointer;
    }
    .export:disabled { opacity: 0.5; cursor: default; }
    .error { color: #991b1b; }
  `;

  private toggleClass(name: BlueGreenClass, on: boolean): void {
    emit(this, 'plan-analysis-class', { name, counted: on });
  }

  private rows(): StatsRow[] {
    const analysis = this.view.value;
    if (!analysis) return [];
    return [...statsRows('cluster', analysis.clusters), ...statsRows('subdistrict', analysis.subdistricts)];
  }

  /** Builds the CSV of the table as shown (current sort and language). */
  csvText(): string {
    const lang = this.language.value ?? 'zh';
    const rows = this.sort ? sortRows(this.rows(), this.sort, lang) : this.rows();
    const headers = (['stats.csv.id', 'stats.col.type', 'stats.csv.nameZh', 'stats.csv.nameEn', 'stats.csv.area', 'stats.csv.blueGreen', 'stats.csv.construction'] as const)
      .map((key) => translate(lang, key));
    const basis = this.view.value?.basis;
    const basisCell = basis?.kind === 'landuse' ? translate(lang, 'stats.csv.basisLandUse', { name: basis.name }) : translate(lang, 'stats.csv.basisSchematic');
    const verdictHeaders = [translate(lang, 'stats.csv.blueGreenVerdict'), translate(lang, 'stats.csv.constructionVerdict')];
    const table = statsCsv(rows, [...headers, translate(lang, 'stats.csv.basis'), ...verdictHeaders], (type) => translate(lang, `stats.type.${type}`), basisCell,
      (pass) => translate(lang, `stats.csv.verdict.${pass}`));
    // the whole area's control-line conflicts, once lines are loaded (the BOM only once, at the start)
    const roles = this.lineRoles.value ?? [];
    return roles.length === 0 ? table : `${table}\r\n${buildCsv(conflictCsvRows(lang, this.wholeConflicts(), roles)).slice(1)}`;
  }

  /** The whole area's conflict figures (only a land-use basis carries them). */
  private wholeConflicts(): LandUseCoverage['conflicts'] {
    const analysis = this.view.value;
    return analysis?.basis.kind === 'landuse' ? analysis.whole?.landUse?.conflicts : undefined;
  }

  private exportCsv(): void {
    downloadBlob(this.csvText(), STATS_CSV_FILE, 'text/csv;charset=utf-8');
    emit(this, 'plan-stats-exported', { file: STATS_CSV_FILE });
  }

  private renderGauge(lang: Lang, kind: 'blueGreen' | 'construction', figures: RegionFigures) {
    const ratio = kind === 'blueGreen' ? figures.blueGreenRatio : figures.constructionRatio;
    const check = kind === 'blueGreen' ? figures.blueGreenTarget : figures.constructionTarget;
    const basis = this.view.value?.basis ?? SCHEMATIC_BASIS;
    const label = translate(lang, kind === 'blueGreen' ? 'stats.blueGreen' : 'stats.construction');
    const targetText = translate(lang, check.op === '>=' ? 'stats.target.min' : 'stats.target.max', { target: formatTargetPercent(check.target, lang) });
    const width = ratio === null ? 0 : Math.max(0, Math.min(1, ratio)) * 100;
    let verdict;
    if (isDecided(check)) {
      const margin = check.marginPoints === null ? '' : translate(lang, check.pass ? 'stats.marginPass' : 'stats.marginFail', {
        points: formatNumber(Math.abs(check.marginPoints), lang, 1),
      });
      verdict = html`<p class="verdict ${check.pass ? 'pass' : 'fail'}">
          <span aria-hidden="true">${check.pass ? '✓' : '✗'}</span> ${translate(lang, check.pass ? 'stats.pass' : 'stats.fail')} · ${targetText}${margin ? ` · ${margin}` : ''}
          ${figuresNote(lang, basis)}
        </p>`;
    } else {
      // No verdict: the mapped share is a lower bound; the target is the plan's; the reason, and the step that gives one.
      const mapped = translate(lang, kind === 'blueGreen' ? 'verdict.mapped.blueGreen' : 'verdict.mapped.construction', { value: formatPercent(ratio, lang) });
      verdict = html`<p class="verdict undecided">
          ${translate(lang, 'verdict.mappedWithReason', { mapped, reason: undecidedReason(lang, basis, figures) })} · ${planTargetText(lang, check)}
          <span class="visually-hidden">${translate(lang, 'verdict.none')}</span>
          ${figuresNote(lang, basis)}
          ${basis.kind === 'schematic' && kind === 'construction' ? loadLandUseButton(lang, this) : nothing}
        </p>`;
    }
    return html`
      <div class="gauge" data-figure=${kind} data-value=${ratio === null ? '' : String(ratio)} data-pass=${passAttribute(check)}>
        <div class="gauge-head"><span>${label}</span><span class="gauge-value">${shareText(lang, ratio, check)}</span></div>
        <div class="bar" aria-hidden="true">
          <div class="fill ${kind === 'blueGreen' ? 'blue-green' : 'construction'}" style="width: ${width}%"></div>
          <div class="target-line" style="left: ${check.target * 100}%" data-label=${targetText}></div>
        </div>
        ${verdict}
      </div>`;
  }

  /** Which schematic classes count as blue-green (the land-use basis groups its own classes instead). */
  private renderClassToggles(lang: Lang, counted: readonly BlueGreenClass[], areas: Readonly<Record<BlueGreenClass, number>> | undefined) {
    return html`
      <fieldset>
      <legend>${translate(lang, 'stats.classes')}</legend>
      ${BLUE_GREEN_CLASSES.map((name) => html`
        <div class="class-row">
          <input type="checkbox" id="class-${name}" data-class=${name} .checked=${counted.includes(name)}
            @change=${(event: Event) => this.toggleClass(name, (event.target as HTMLInputElement).checked)}>
          <label for="class-${name}">${translate(lang, `stats.class.${name}`)}</label>
          ${areas ? html`<span class="class-area" data-mapped=${String(areas[name] > 0)}>${areas[name] > 0
            ? translate(lang, 'stats.classArea', { km2: formatNumber(areas[name], lang, 1) })
            : translate(lang, 'stats.notMapped')}</span>` : nothing}
        </div>`)}
      <p class="hint">${translate(lang, 'stats.classesHint')}</p>
    </fieldset>`;
  }

  /** On a land-use basis: how the area inside the boundary splits, including what the layer does not cover. */
  private renderCoverage(lang: Lang, whole: RegionFigures, coverage: LandUseCoverage) {
    const km2 = (value: number) => translate(lang, 'stats.classArea', { km2: formatNumber(value, lang, 2) });
    return html`
      <h3>${translate(lang, 'stats.coverage')}</h3>
      <dl data-testid="landuse-coverage">
        <dt>${translate(lang, 'indicators.blueGreen')}</dt><dd data-group="blue-green">${km2(whole.blueGreenKm2)}</dd>
        <dt>${translate(lang, 'indicators.construction')}</dt><dd data-group="urban-construction">${km2(whole.constructionKm2)}</dd>
        <dt>${translate(lang, 'stats.coverage.other')}</dt><dd data-group="other">${km2(coverage.otherKm2)}</dd>
        <dt>${translate(lang, 'stats.coverage.unclassified')}</dt><dd data-group="unclassified">${km2(coverage.unclassifiedKm2)}</dd>
        <dt>${translate(lang, 'stats.coverage.notCovered')}</dt><dd data-group="not-covered">${km2(coverage.notCoveredKm2)}</dd>
      </dl>
      ${coverage.overlapSuspected ? html`<p class="error">${translate(lang, 'stats.coverage.overlap')}</p>` : nothing}
      <p class="hint">${translate(lang, 'stats.coverage.hint')}</p>`;
  }

  /** Classes with no area on this map are not mapped (no public outline), not absent: the shares leave them out. */
  private renderUnmapped(lang: Lang, classes: readonly BlueGreenClass[]) {
    if (!classes.length) return nothing;
    const names = classes.map((name) => translate(lang, `stats.class.${name}`)).join(translate(lang, 'stats.listSeparator'));
    return html`<p class="area-note" data-testid="unmapped-classes">${translate(lang, 'stats.unmapped', { classes: names })}</p>`;
  }

  /** What the area comparison means: a check only when no edge of the outline was placed by judgement. */
  private renderAreaNote(lang: Lang) {
    const properties = this.boundary.value;
    if (!properties) return nothing;
    const independent = properties['area_is_independent_check'] === true;
    const note = properties[lang === 'zh' ? 'area_note_zh' : 'area_note_en'];
    return html`<p class="area-note" data-testid="area-note" data-independent=${String(independent)}>
      ${translate(lang, independent ? 'stats.areaIsCheck' : 'stats.areaNotCheck')}${typeof note === 'string' && note ? html`<br>${note}` : nothing}</p>`;
  }

  /** The crossings the documents count: how many are drawn and which are listed without a published site. */
  private renderCrossings(lang: Lang) {
    const collection = this.crossings.value;
    if (!collection) return nothing;
    const summary = crossingSummary(collection, 2023);
    return html`
      <h3>${translate(lang, 'stats.crossings')}</h3>
      <p data-testid="crossings-summary" data-total=${summary.total} data-open=${summary.openBy} data-located=${summary.located}>
        ${translate(lang, 'stats.crossingsCounts', { total: summary.total, open: summary.openBy, located: summary.located })}</p>
      ${this.renderUnlocated(lang, summary.unlocated, 'crossings-unlocated', translate(lang, 'stats.crossingsUnlocated', { count: summary.unlocated.length }))}`;
  }

  /** The key projects the documents name: how many are drawn and which are listed without a published site. */
  private renderProjects(lang: Lang) {
    const collection = this.projects.value;
    if (!collection) return nothing;
    const unlocated = unlocatedEntries(collection);
    const total = collection.features.length + unlocated.length;
    return html`
      <h3>${translate(lang, 'stats.projects')}</h3>
      <p data-testid="projects-summary" data-total=${total} data-located=${collection.features.length}>
        ${translate(lang, 'stats.projectsCounts', { total, located: collection.features.length })}</p>
      ${this.renderUnlocated(lang, unlocated, 'projects-unlocated', translate(lang, 'stats.projectsUnlocated', { count: unlocated.length }))}`;
  }

  private renderUnlocated(lang: Lang, entries: readonly UnlocatedEntry[], testId: string, summary: string) {
    if (!entries.length) return nothing;
    return html`<details data-testid=${testId}>
      <summary>${summary}</summary>
      <ul class="unlocated">${entries.map((item) => html`<li data-id=${item.id}>
        <strong>${lang === 'zh' ? item.name_zh : item.name_en}</strong> · ${translateValue(lang, 'status', item.status)}
        ${(lang === 'zh' ? item.reason_zh : item.reason_en) ? html`<br><span class="reason" data-record>${lang === 'zh' ? item.reason_zh : item.reason_en}</span>` : nothing}
      </li>`)}</ul></details>`;
  }

  private renderTable(lang: Lang) {
    const rows = this.sort ? sortRows(this.rows(), this.sort, lang) : this.rows();
    const numeric = (key: SortKey) => key === 'area' || key === 'blueGreen' || key === 'construction';
    return html`
      <h3>${translate(lang, 'stats.table')}</h3>
      <div class="table-wrap">
        <table data-testid="stats-table">
          <caption>${translate(lang, 'stats.table.caption')}</caption>
          <thead><tr>
            ${SORT_KEYS.filter((key) => key !== 'type').map((key) => {
              const column = translate(lang, COLUMN_KEYS[key]);
              const sorted = this.sort?.key === key ? this.sort.direction : undefined;
              return html`<th scope="col" class=${numeric(key) ? 'num' : ''} aria-sort=${sorted ?? 'none'} data-sort-key=${key}>
                <button type="button" @click=${() => { this.sort = nextSort(this.sort, key); }}>
                  ${column}<span aria-hidden="true">${sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}</span>
                </button></th>`;
            })}
          </tr></thead>
          <tbody>
            ${rows.map((row) => html`<tr data-id=${row.id}>
              <th scope="row">${rowName(row, lang)}<span class="type">${translate(lang, `stats.type.${row.type}` as `stats.type.${RegionType}`)}</span></th>
              <td class="num">${formatNumber(row.areaKm2, lang, 1)}</td>
              <td class="num" data-col="blueGreen" data-pass=${row.blueGreenPass}>${row.blueGreenPass === 'unknown' && row.blueGreen !== null ? translate(lang, 'verdict.lowerBound', { value: formatPercent(row.blueGreen, lang) }) : formatPercent(row.blueGreen, lang)}</td>
              <td class="num" data-col="construction" data-pass=${row.constructionPass}>${row.constructionPass === 'unknown' && row.construction !== null ? translate(lang, 'verdict.lowerBound', { value: formatPercent(row.construction, lang) }) : formatPercent(row.construction, lang)}</td>
            </tr>`)}
          </tbody>
        </table>
      </div>
      <button type="button" class="export" ?disabled=${rows.length === 0} @click=${this.exportCsv}>${translate(lang, 'stats.exportCsv')}</button>`;
  }

  /** The regions a structure table can be shown for, with their structure (absent until computed). */
  private structureChoices(lang: Lang): { value: string; label: string; structure: LandUseStructure | undefined }[] {
    const analysis = this.view.value;
    const study = this.study.value;
    const rowChoice = (type: RegionType, row: { id: string; nameZh: string | null; nameEn: string | null; result: { ok: boolean } & Partial<{ figures: RegionFigures }> }) => ({
      value: `${type}:${row.id}`,
      label: `${translate(lang, `stats.type.${type}`)} · ${(lang === 'zh' ? row.nameZh : row.nameEn ?? row.nameZh) ?? row.id}`,
      structure: row.result.ok ? row.result.figures?.landUse?.structure : undefined,
    });
    const choices = [
      { value: 'whole', label: translate(lang, 'structure.region.whole'), structure: analysis?.whole?.landUse?.structure },
      ...(analysis?.clusters ?? []).map((row) => rowChoice('cluster', row)),
      ...(analysis?.subdistricts ?? []).map((row) => rowChoice('subdistrict', row)),
    ];
    const studyStructure = study?.study.figures?.landUse?.structure;
    if (studyStructure) choices.push({ value: 'study', label: translate(lang, 'structure.region.study'), structure: studyStructure });
    // every saved what-if outline, each its own region (`what-if:<cluster id>`)
    for (const id of Object.keys(study?.whatIf ?? {})) {
      const whatIfStructure = study?.whatIfFigures[id]?.figures?.landUse?.structure;
      if (!whatIfStructure) continue;
      const cluster = analysis?.clusters.find((row) => row.id === id);
      const name = (lang === 'zh' ? cluster?.nameZh : cluster?.nameEn ?? cluster?.nameZh) ?? id;
      choices.push({ value: `what-if:${id}`, label: translate(lang, 'structure.region.whatIf', { name }), structure: whatIfStructure });
    }
    return choices;
  }

  private renderStructure(lang: Lang) {
    const analysis = this.view.value;
    if (analysis?.basis.kind !== 'landuse') return nothing;
    const choices = this.structureChoices(lang);
    const chosen = choices.find((choice) => choice.value === this.structureRegion) ?? choices[0];
    return html`
      <h3>${translate(lang, 'structure.title')}</h3>
      <label class="hint">${translate(lang, 'structure.region')}
        <select data-testid="structure-region" .value=${chosen.value} @change=${(event: Event) => { this.structureRegion = (event.target as HTMLSelectElement).value; }}>
          ${choices.map((choice) => html`<option value=${choice.value} ?selected=${choice.value === chosen.value}>${choice.label}</option>`)}
        </select>
      </label>
      <plan-landuse-structure data-region=${chosen.value} data-what-if=${chosen.value.startsWith('what-if:') ? chosen.value.slice('what-if:'.length) : nothing} .structure=${chosen.structure ?? null} .language=${lang} .regionName=${chosen.label}
        .basisName=${translate(lang, 'stats.csv.basisLandUse', { name: analysis.basis.name })}></plan-landuse-structure>`;
  }

  override render() {
    const lang = this.language.value ?? 'zh';
    const analysis = this.view.value;
    const counted = this.counted.value ?? BLUE_GREEN_CLASSES;
    const whole = analysis?.whole;
    const busy = analysis?.status === 'preparing' || (analysis?.status === 'ready' && analysis.classes.join() !== counted.join());
    return html`
      ${analysis?.basis.kind === 'landuse'
        ? html`<p class="basis" data-basis="landuse">${basisText(lang, analysis.basis)}</p>`
        : html`<p class="schematic">${translate(lang, 'stats.schematic')}</p>`}
      ${analysis?.status === 'error' ? html`<p class="error">${translate(lang, 'stats.errorShort')}</p>` : nothing}
      ${!whole && analysis?.status !== 'error'
        ? html`<p>${translate(lang, analysis?.status === 'preparing' ? 'stats.preparing' : 'stats.waiting')}</p>` : nothing}
      <div class="figures" aria-busy=${String(busy)}>
        ${whole ? html`
          ${this.renderGauge(lang, 'blueGreen', whole)}
          ${this.renderGauge(lang, 'construction', whole)}
          ${whole.landUse ? this.renderCoverage(lang, whole, whole.landUse) : this.renderUnmapped(lang, BLUE_GREEN_CLASSES.filter((name) => !((whole.classAreasKm2?.[name] ?? 0) > 0)))}
          <h3>${translate(lang, 'stats.reconciliation')}</h3>
          <dl data-testid="reconciliation">
            <dt>${translate(lang, 'stats.computedArea')}</dt><dd>${translate(lang, 'stats.classArea', { km2: formatNumber(whole.reconciliation.computedKm2, lang, 2) })}</dd>
            <dt>${translate(lang, 'stats.officialArea')}</dt><dd>${translate(lang, 'stats.classArea', { km2: formatNumber(whole.reconciliation.officialKm2, lang, 0) })}</dd>
            <dt>${translate(lang, 'stats.difference')}</dt>
            <dd>${translate(lang, 'stats.differenceValue', { km2: formatSigned(whole.reconciliation.differenceKm2, lang, 2), percent: formatSigned(whole.reconciliation.differencePercent, lang, 3) })}</dd>
          </dl>
          ${this.renderAreaNote(lang)}` : nothing}
      </div>
${analysis?.basis.kind === 'landuse' ? nothing : this.renderClassToggles(lang, counted, whole?.classAreasKm2)}
      ${analysis && (analysis.clusters.length > 0 || analysis.subdistricts.length > 0) ? this.renderTable(lang) : nothing}
      ${this.renderStructure(lang)}
      <plan-control-line-conflicts rules data-region="whole" .conflicts=${this.wholeConflicts()} .language=${lang}></plan-control-line-conflicts>
      <plan-transition-matrix></plan-transition-matrix>
      ${this.renderCrossings(lang)}
      ${this.renderProjects(lang)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-stats': PlanStats;
  }
}
