import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { consume } from '@lit/context';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { initialLandUseState, type LandUseState } from '../../../state/landuse-state.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { emit } from '../../events.ts';
import { chosenFileNames, chosenFilesText, fileChoiceStyles, openFileChooser } from '../display/file-choice.ts';
import { translate, type Lang } from '../../../i18n/messages.ts';
import { formatNumber } from '../../../i18n/format.ts';
import type { LandUseLayerSummary } from '../../../data/landuse/landuse-protocol.ts';
import type { LandUseClassRow } from '../../../data/landuse/prepare-landuse-layer.ts';
import type { ClassificationChoice } from '../../../core/landuse/classify-parcels.ts';
import { CLASSIFICATION_SYSTEMS, CLASSIFICATION_TABLES, LAND_USE_GROUPS, type ClassificationSystem, type LandUseGroup } from '../../../core/landuse/classes.ts';
import { ATTRIBUTE_ENCODINGS, ENCODING_LABELS, type AttributeEncoding } from '../../../data/landuse/dbf-encoding.ts';
import { KNOWN_CRS } from '../../../data/landuse/crs-systems.ts';
import type { DeliveryLayer } from '../../../data/landuse/delivery-layers.ts';
import './landuse-states.ts';

const NO_LAYER = initialLandUseState();

/**
 * The planner's own land-use layer: file picker (a zipped Shapefile, its loose parts, or GeoJSON), what was
 * read (encoding with sample names, coordinate system; each can be changed), the classification in force
 * (system, code field, name field; detected or the user's) with the detected candidates and a free choice of
 * system and fields, the grouping rule in force, the messages, the class table (standard colour, code, name,
 * group, parcels, area in the Start-up Area; one row per code of no known class, which the user can give a
 * group or leave in none), "Use for indicators" (the figures themselves are in the indicator bar and every panel).
 * Every string from a file is rendered as text. Reads `state.landuse` (src/state/landuse-state.ts) and the language.
 * @fires plan-landuse-files - files were chosen
 * @fires plan-landuse-settings - encoding, coordinate system, classification (system and fields) or the group of a class or unknown code was changed
 * @fires plan-landuse-use - use the layer for the indicators, or go back to the schematic layers
 */
@customElement('plan-landuse-panel')
export class PlanLandUsePanel extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  private readonly slice = new StoreController(this, () => this.store, (s: PlanState) => s.landuse);
  private readonly languageState = new StoreController(this, () => this.store, (s: PlanState) => s.lang);

  private get land(): LandUseState { return this.slice.value ?? NO_LAYER; }
  private get language(): Lang { return this.languageState.value ?? 'zh'; }
  private get summary() { return this.land.summary; }
  private get messages() { return this.land.messages; }
  /** what the layer covers inside the Start-up Area, per class (computed once the layer is read) */
  private get coverage() { return this.land.coverage; }
  private get busy(): boolean { return this.land.reading !== null; }
  /** share of the reading done while busy (0..1) */
  private get progress(): number { return this.land.reading?.progress ?? 0; }
  private get inUse(): boolean { return this.land.inUse; }
  /** parcels read of all, while the reader counts them */
  private get parcels() { return this.land.reading?.parcels ?? null; }
  /** the delivery's layers when the planner must choose one */
  private get question() { return this.land.question; }
  /** a read layer waiting for the planner's word, and why */
  private get pending() { return this.land.pending; }

  static override styles = [fileChoiceStyles, css`
    :host { display: block; padding: 0.5rem 0.75rem; font-size: 0.875rem; }
    button, select { font: inherit; font-size: 0.8rem; }
    button { padding: 0.2rem 0.5rem; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; color: #14324a; cursor: pointer; }
    button.primary { background: #14324a; color: #fff; }
    button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
    ul { list-style: none; margin: 0; padding: 0; }
    .messages li { border-left: 4px solid #b91c1c; background: #fef2f2; padding: 0.3rem 0.4rem; margin: 0.25rem 0; overflow-wrap: anywhere; }
    .messages li.warning { border-color: #b45309; background: #fffbeb; }
    .messages li.notice { border-color: #2563eb; background: #eff6ff; }
    label { display: block; margin: 0.3rem 0; }
    .samples, .hint { color: #52606d; font-size: 0.8rem; }
    table { border-collapse: collapse; width: 100%; font-size: 0.8rem; }
    th, td { text-align: left; padding: 0.15rem 0.25rem; border-bottom: 1px solid #e4e7eb; }
    td.number { text-align: right; font-variant-numeric: tabular-nums; }
    select { max-width: 100%; }
    fieldset.choice { min-width: 0; border: 1px solid #cbd2d9; border-radius: 4px; margin: 0.4rem 0; padding: 0.2rem 0.5rem 0.4rem; }
    fieldset.choice legend { font-weight: 600; }
    .in-force { margin: 0.2rem 0; overflow-wrap: anywhere; }
    .in-force .source, .tag { color: #52606d; font-size: 0.75rem; }
    .tag { display: block; }
    .fields { display: flex; flex-wrap: wrap; gap: 0 0.75rem; }
    td select { max-width: 6rem; }
    td.number { white-space: nowrap; }
    tr.unknown td { background: #f5f7fa; }
    .waiting { border: 2px solid #b45309; border-radius: 4px; padding: 0.3rem 0.5rem; margin: 0.4rem 0; background: #fffbeb; }
    .waiting h3 { margin: 0.1rem 0 0.3rem; font-size: 0.9rem; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0.3rem 0; }
    .swatch { display: inline-block; width: 0.9rem; height: 0.9rem; border: 1px solid #52606d; vertical-align: middle; }
  `];

  /** names of the files last chosen (shown beside the chooser) */
  @state() private chosen: string[] = [];

  private onFiles(event: Event): void {
    this.chosen = chosenFileNames(event);
    const input = event.target as HTMLInputElement;
    // Files of a chosen folder keep their path in the folder, so layers of the same name in two folders stay apart.
    const files = [...(input.files ?? [])].map((file) => (file.webkitRelativePath ? new File([file], file.webkitRelativePath, { type: file.type, lastModified: file.lastModified }) : file));
    if (files.length > 0) emit(this, 'plan-landuse-files', { files });
    input.value = '';
  }

  /** Which fields and system classify the layer: the one in force, the detected candidates, and a free choice. */
  private renderChoice(lang: Lang, summary: LandUseLayerSummary) {
    const choice = summary.choice;
    const same = (a: ClassificationChoice, b: ClassificationChoice) => a.system === b.system && a.codeField === b.codeField && (a.nameField ?? '') === (b.nameField ?? '');
    const current = choice ? summary.candidates.findIndex((candidate) => same(candidate, choice)) : -1;
    const choose = (next: Partial<ClassificationChoice> & { nameField?: string }) => {
      const codeField = next.codeField ?? choice?.codeField;
      if (!codeField) return;
      const nameField = 'nameField' in next ? next.nameField : choice?.nameField;
      emit(this, 'plan-landuse-settings', { choice: { system: next.system ?? choice?.system ?? CLASSIFICATION_SYSTEMS[0], codeField, ...(nameField ? { nameField } : {}) } });
    };
    const fields = (candidate: ClassificationChoice) => `${candidate.codeField}${candidate.nameField ? ` / ${candidate.nameField}` : ''}`;
    const value = (event: Event) => (event.target as HTMLSelectElement).value;
    return html`<fieldset class="choice" data-testid="landuse-classification" ?disabled=${this.busy}>
      <legend>${translate(lang, 'landuse.choice.title')}</legend>
      <p class="in-force" data-testid="landuse-choice" data-source=${summary.choiceSource ?? 'none'}>${choice
        ? html`<strong>${translate(lang, 'landuse.choice.current', { system: translate(lang, `landuse.system.${choice.system}`), code: choice.codeField, name: choice.nameField ?? translate(lang, 'landuse.choice.noName') })}</strong>
          <span class="source">${translate(lang, summary.choiceSource === 'user' ? 'landuse.choice.user' : 'landuse.choice.detected')}</span>`
        : html`<strong>${translate(lang, 'landuse.choice.none')}</strong>`}</p>
      <label>${translate(lang, 'landuse.choice.candidates')}
        <select data-testid="landuse-candidate" @change=${(event: Event) => {
          const candidate = summary.candidates[Number(value(event))];
          if (candidate) choose({ system: candidate.system, codeField: candidate.codeField, nameField: candidate.nameField });
        }}>
          ${current < 0 ? html`<option value="" disabled .selected=${true}>${translate(lang, summary.candidates.length > 0 ? 'landuse.choice.custom' : 'landuse.choice.noCandidate')}</option>` : nothing}
          ${summary.candidates.map((candidate, index) => html`<option value=${index} .selected=${live(index === current)}>${translate(lang, 'landuse.choice.candidate', {
            system: translate(lang, `landuse.system.${candidate.system}`), fields: fields(candidate),
            matched: formatNumber(candidate.matched, lang, 0), total: formatNumber(candidate.total, lang, 0),
          })}</option>`)}
        </select></label>
      ${summary.choiceSource === 'user' && summary.candidates.length > 0
        ? html`<button type="button" data-testid="landuse-choice-auto" @click=${() => emit(this, 'plan-landuse-settings', { choice: null })}>${translate(lang, 'landuse.choice.auto')}</button>` : nothing}
      <div class="fields">
        <label>${translate(lang, 'landuse.system')}
          <select data-testid="landuse-system" @change=${(event: Event) => choose({ system: value(event) as ClassificationSystem })}>
            ${CLASSIFICATION_SYSTEMS.map((system) => html`<option value=${system} .selected=${live(system === (choice?.system ?? CLASSIFICATION_SYSTEMS[0]))}>${translate(lang, `landuse.system.${system}`)}</option>`)}
          </select></label>
        <label>${translate(lang, 'landuse.choice.codeField')}
          <select data-testid="landuse-code-field" @change=${(event: Event) => choose({ codeField: value(event) })}>
            ${choice ? nothing : html`<option value="" disabled .selected=${true}>${translate(lang, 'landuse.choice.chooseField')}</option>`}
            ${summary.fields.map((field) => html`<option value=${field} .selected=${live(field === choice?.codeField)}>${field}</option>`)}
          </select></label>
        <label>${translate(lang, 'landuse.choice.nameField')}
          <select data-testid="landuse-name-field" @change=${(event: Event) => choose({ nameField: value(event) || undefined })}>
            <option value="" .selected=${live(!choice?.nameField)}>${translate(lang, 'landuse.choice.noName')}</option>
            ${summary.fields.map((field) => html`<option value=${field} .selected=${live(field === choice?.nameField)}>${field}</option>`)}
          </select></label>
      </div>
      ${choice ? this.renderRule(lang, summary, choice.system) : nothing}
    </fieldset>`;
  }

  /** The grouping rule in force: the system's default rule, and how many rows the user grouped otherwise. */
  private renderRule(lang: Lang, summary: LandUseLayerSummary, system: ClassificationSystem) {
    const adjusted = summary.classes.filter((row) => (row.landUseClass ? row.group !== row.landUseClass.group : row.unknown !== undefined && row.group !== null)).length;
    const name = translate(lang, `landuse.system.${system}`);
    return html`<details data-testid="landuse-rule"><summary>${adjusted > 0 ? translate(lang, 'landuse.rule.adjusted', { system: name, count: adjusted }) : translate(lang, 'landuse.rule.default', { system: name })}</summary>
      <p class="hint">${lang === 'zh' ? CLASSIFICATION_TABLES[system].groupRuleZh : CLASSIFICATION_TABLES[system].groupRule}</p>
      <p class="hint">${translate(lang, 'landuse.rule')}</p></details>`;
  }

  /** One class-table row: a class, a code of no known class (its names as written), or everything unclassified. */
  private renderRow(lang: Lang, row: LandUseClassRow) {
    const areaKm2 = this.coverage?.classes.find((item) => item.key === row.key)?.areaKm2;
    const code = row.landUseClass?.code ?? (row.unknown ? row.unknown.code || '—' : '—');
    const name = row.landUseClass
      ? (lang === 'zh' ? row.landUseClass.name : row.landUseClass.nameEn)
      : row.unknown ? (row.unknown.names.join('、') || translate(lang, 'landuse.unknown.name')) : translate(lang, 'landuse.group.unclassified');
    const groupChanged = (event: Event) => {
      const group = (event.target as HTMLSelectElement).value;
      emit(this, 'plan-landuse-settings', { group: { key: row.key, group: group === '' ? null : group as LandUseGroup } });
    };
    const groupable = row.landUseClass !== null || row.unknown !== undefined;
    return html`<tr data-class=${row.key} data-group=${row.group ?? 'none'} class=${row.unknown ? 'unknown' : ''}>
      <td><span class="swatch" style="background:${row.landUseClass?.colour ?? '#9e9e9e'}"></span></td>
      <td>${code}</td>
      <td>${name}${row.unknown ? html` <span class="tag">${translate(lang, 'landuse.group.unclassified')}</span>` : nothing}</td>
      <td>${groupable ? html`<select aria-label=${translate(lang, 'landuse.table.groupOf', { code })} ?disabled=${this.busy} @change=${groupChanged}>
          ${row.unknown ? html`<option value="" .selected=${live(row.group === null)}>${translate(lang, 'landuse.group.none')}</option>` : nothing}
          ${LAND_USE_GROUPS.map((group) => html`<option value=${group} .selected=${live(group === row.group)}>${translate(lang, `landuse.group.${group}`)}</option>`)}
        </select>` : translate(lang, 'landuse.group.unclassified')}</td>
      <td class="number">${formatNumber(row.parcelCount, lang, 0)}</td>
      <td class="number" data-area-km2=${areaKm2 ?? ''}>${areaKm2 === undefined ? '—' : formatNumber(areaKm2, lang, 2)}</td>
    </tr>`;
  }

  /** The layers of a delivery: what each is, and a button to read a polygon layer. */
  private renderLayers(lang: Lang, layers: readonly DeliveryLayer[], current?: string) {
    const classification = (layer: DeliveryLayer) => layer.classification
      ? translate(lang, 'landuse.layers.codes', { system: translate(lang, `landuse.system.${layer.classification.system}`), field: layer.classification.codeField })
      : layer.format === 'shapefile' ? translate(lang, 'landuse.layers.noCodes') : '—';
    return html`<table data-testid="landuse-layers">
      <thead><tr><th>${translate(lang, 'landuse.layers.name')}</th><th>${translate(lang, 'landuse.layers.geometry')}</th><th>${translate(lang, 'landuse.table.parcels')}</th><th>${translate(lang, 'landuse.layers.classes')}</th><th></th></tr></thead>
      <tbody>${layers.map((layer) => html`<tr data-layer=${layer.id} data-geometry=${layer.geometry} data-classified=${layer.classification ? 'true' : 'false'}>
        <td>${layer.name}</td><td>${translate(lang, `landuse.geometry.${layer.geometry}`)}</td>
        <td class="number">${layer.recordCount === null ? '—' : formatNumber(layer.recordCount, lang, 0)}</td>
        <td>${classification(layer)}</td>
        <td>${layer.id === current ? translate(lang, 'landuse.layers.inUse')
          : layer.geometry === 'polygons' ? html`<button type="button" data-testid="landuse-layer-use" ?disabled=${this.busy}
            @click=${() => emit(this, 'plan-landuse-settings', { layer: layer.id })}>${translate(lang, 'landuse.layers.read')}</button>` : nothing}</td>
      </tr>`)}</tbody></table>`;
  }

  /** A reading that waits for the planner: the layer to choose, or the read layer with the question. */
  private renderWaiting(lang: Lang) {
    if (this.question) {
      return html`<section class="waiting" data-testid="landuse-question" data-reason=${this.question.reason}>
        <h3>${translate(lang, this.question.reason === 'several-classified' ? 'landuse.question.several' : 'landuse.question.unclassified')}</h3>
        ${this.renderLayers(lang, this.question.layers)}
        <div class="actions"><button type="button" data-testid="landuse-waiting-cancel" @click=${() => emit(this, 'plan-landuse-cancel', {})}>${translate(lang, 'landuse.waiting.drop')}</button></div>
      </section>`;
    }
    const pending = this.pending;
    if (!pending) return nothing;
    const { summary, reason } = pending;
    return html`<section class="waiting" data-testid="landuse-pending" data-reason=${reason}>
      <h3>${translate(lang, `landuse.pending.${reason}`, { name: summary.name, crs: summary.crs.crs?.label ?? '' })}</h3>
      ${this.renderReading(lang, summary)}
      ${reason === 'unclassified' ? this.renderChoice(lang, summary) : nothing}
      <div class="actions">
        ${reason === 'crs' || reason === 'unclassified' ? html`<button type="button" class="primary" data-testid="landuse-confirm" @click=${() => emit(this, 'plan-landuse-confirm', {})}>${translate(lang, reason === 'crs' ? 'landuse.pending.confirmCrs' : 'landuse.pending.show', { crs: summary.crs.crs?.label ?? '' })}</button>` : nothing}
        <button type="button" data-testid="landuse-waiting-cancel" @click=${() => emit(this, 'plan-landuse-cancel', {})}>${translate(lang, 'landuse.waiting.drop')}</button>
      </div>
    </section>`;
  }

  /** The registered areas of the parcels beside the computed ones, as a planner holds them against the statistics. */
  private renderDeclaredAreas(lang: Lang, summary: LandUseLayerSummary) {
    const check = summary.declaredAreas;
    const km2 = (squareMeters: number) => formatNumber(squareMeters / 1e6, lang, 3);
    const percent = (a: number, b: number) => formatNumber(b > 0 ? ((a - b) / b) * 100 : 0, lang, 2);
    return html`${summary.deductedParcels > 0 ? html`<p class="hint" data-testid="landuse-deduction" data-parcels=${summary.deductedParcels}>${translate(lang, 'landuse.deduction', { count: formatNumber(summary.deductedParcels, lang, 0) })}</p>` : nothing}
      ${check ? html`<details data-testid="landuse-declared" data-declared-m2=${check.declaredSquareMeters} data-computed-m2=${check.computedSquareMeters}>
        <summary>${translate(lang, 'landuse.declared.title', { field: check.field, declared: km2(check.declaredSquareMeters), computed: km2(check.computedSquareMeters), difference: percent(check.computedSquareMeters, check.declaredSquareMeters) })}</summary>
        ${check.netField && check.netDeclaredSquareMeters !== undefined && check.netComputedSquareMeters !== undefined
          ? html`<p class="hint">${translate(lang, 'landuse.declared.net', { field: check.netField, declared: km2(check.netDeclaredSquareMeters), computed: km2(check.netComputedSquareMeters) })}</p>` : nothing}
        ${check.largest ? html`<p class="hint">${translate(lang, 'landuse.declared.largest', {
          record: String(check.largest.id), declared: formatNumber(check.largest.declaredSquareMeters, lang, 1), computed: formatNumber(check.largest.computedSquareMeters, lang, 1),
          difference: percent(check.largest.computedSquareMeters, check.largest.declaredSquareMeters) })}</p>` : nothing}
        <p class="hint">${translate(lang, 'landuse.declared.method', { count: formatNumber(check.parcelCount, lang, 0) })}</p>
      </details>` : nothing}`;
  }

  /** Encoding (with sample names) and coordinate system, each of which the planner can change. */
  private renderReading(lang: Lang, summary: LandUseLayerSummary) {
    const crsOptions = KNOWN_CRS.some((crs) => crs.id === summary.crs.crs?.id) ? KNOWN_CRS : [...KNOWN_CRS, ...(summary.crs.crs ? [summary.crs.crs] : [])];
    return html`${summary.encoding ? html`<label>${translate(lang, 'landuse.encoding')}
        <select data-testid="landuse-encoding" ?disabled=${this.busy} @change=${(event: Event) => emit(this, 'plan-landuse-settings', { encoding: (event.target as HTMLSelectElement).value as AttributeEncoding })}>
          ${ATTRIBUTE_ENCODINGS.map((encoding) => html`<option value=${encoding} ?selected=${encoding === summary.encoding?.encoding}>${ENCODING_LABELS[encoding]}</option>`)}
        </select></label>
        <div class="samples" data-testid="landuse-samples">${translate(lang, 'landuse.encoding.samples', { names: summary.sampleNames.join('、') || '—' })}</div>` : nothing}
      <label>${translate(lang, 'landuse.crs')}
        <select data-testid="landuse-crs" data-source=${summary.crs.source} data-needs-confirmation=${summary.crs.needsConfirmation ? 'true' : 'false'} ?disabled=${this.busy} @change=${(event: Event) => emit(this, 'plan-landuse-settings', { crsId: (event.target as HTMLSelectElement).value })}>
          ${crsOptions.map((crs) => html`<option value=${crs.id} ?selected=${crs.id === summary.crs.crs?.id}>${crs.label}</option>`)}
        </select></label>`;
  }

  private renderSummary(lang: Lang, summary: LandUseLayerSummary) {
    return html`
      <h3>${summary.name}</h3>
      ${this.renderReading(lang, summary)}
      ${summary.delivery && summary.delivery.length > 1 ? html`<details data-testid="landuse-delivery"><summary>${translate(lang, 'landuse.layers.title', { count: summary.delivery.length })}</summary>
        ${this.renderLayers(lang, summary.delivery, summary.layerId)}</details>` : nothing}
      ${this.renderChoice(lang, summary)}
      <button class="primary" data-testid="landuse-use" aria-pressed=${this.inUse ? 'true' : 'false'}
        @click=${() => emit(this, 'plan-landuse-use', { use: !this.inUse })}>${translate(lang, this.inUse ? 'landuse.useSchematic' : 'landuse.useForIndicators')}</button>
      <table>
        <thead><tr><th></th><th>${translate(lang, 'landuse.table.code')}</th><th>${translate(lang, 'landuse.table.name')}</th><th>${translate(lang, 'landuse.table.group')}</th><th>${translate(lang, 'landuse.table.parcels')}</th><th>${translate(lang, 'landuse.table.area')}</th></tr></thead>
        <tbody>${summary.classes.map((row) => this.renderRow(lang, row))}</tbody>
      </table>
      ${this.renderDeclaredAreas(lang, summary)}`;
  }

  override render() {
    const lang = this.language;
    return html`
      <div class="file-choice">
        <button type="button" class="choose-file" aria-describedby="landuse-file-name" ?disabled=${this.busy} @click=${openFileChooser}>${translate(lang, 'landuse.choose')}</button>
        <span class="file-name" id="landuse-file-name">${chosenFilesText(lang, this.chosen)}</span>
        <input type="file" hidden multiple data-testid="landuse-file" aria-label=${translate(lang, 'landuse.choose')}
          accept=".zip,.shp,.shx,.dbf,.prj,.cpg,.geojson,.json,.gpkg" ?disabled=${this.busy} @change=${this.onFiles}>
      </div>
      <div class="file-choice">
        <button type="button" class="choose-file" ?disabled=${this.busy} @click=${openFileChooser}>${translate(lang, 'landuse.chooseFolder')}</button>
        <input type="file" hidden webkitdirectory data-testid="landuse-folder" aria-label=${translate(lang, 'landuse.chooseFolder')} ?disabled=${this.busy} @change=${this.onFiles}>
      </div>
      <p class="hint">${translate(lang, 'landuse.hint')}</p>
      ${this.busy ? html`<div data-testid="landuse-progress"><progress max="1" .value=${this.progress} aria-label=${translate(lang, 'landuse.choose')}></progress>
        ${this.parcels ? html`<span data-read=${this.parcels.read} data-total=${this.parcels.total}>${translate(lang, 'landuse.progress.parcels', { read: formatNumber(this.parcels.read, lang, 0), total: formatNumber(this.parcels.total, lang, 0) })}</span>` : nothing}
        <button type="button" data-testid="landuse-cancel" @click=${() => emit(this, 'plan-landuse-cancel', {})}>${translate(lang, 'landuse.cancel')}</button></div>` : nothing}
      ${this.messages.length > 0 ? html`<ul class="messages" aria-live="polite">${this.messages.map((message) => html`<li class=${message.severity}>${message.text}</li>`)}</ul>` : nothing}
      ${this.renderWaiting(lang)}
      <plan-landuse-states></plan-landuse-states>
      ${this.summary ? this.renderSummary(lang, this.summary) : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-landuse-panel': PlanLandUsePanel;
  }
}
