import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import { pick, shallowEqual } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { emit } from '../../events.ts';
import type { ImportedLayer } from '../../../state/imports.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { translate } from '../../../i18n/messages.ts';
import type { Lang } from '../../../i18n/messages.ts';
import { MAX_IMPORT_BYTES } from '../../../core/import/limits.ts';
import { issueText } from './issue-text.ts';
import { chosenFileNames, chosenFilesText, fileChoiceStyles, openFileChooser } from '../display/file-choice.ts';

/**
 * GeoJSON import: file picker, progress with cancel, the dismissable message list, the imported
 * layers (show, remove, count as blue-green, GCJ-02/BD-09 conversion offer), the inspected imported
 * feature's properties, and saved-work problems with export and backup downloads.
 * Every string from a file (names, properties, messages) is rendered as text. It emits the `plan-import-*`,
 * `plan-work-export` and `plan-backup-download` events of src/ui/events.ts; the import feature does the work.
 */
/** The part of the state this element renders. */
type ImportPanelView = Pick<PlanState, 'lang' | 'imports' | 'importSession'>;

@customElement('plan-import-panel')
export class PlanImportPanel extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  private readonly view = new StoreController(this, () => this.store, pick<PlanState, 'lang' | 'imports' | 'importSession'>('lang', 'imports', 'importSession'), shallowEqual);

  static override styles = [fileChoiceStyles, css`
    :host { display: block; padding: 0.5rem 0.75rem; font-size: 0.875rem; }
    h2, h3 { font-size: 0.95rem; margin: 0.6rem 0 0.3rem; }
    .hint { color: #52606d; font-size: 0.8rem; margin: 0.3rem 0; }
    button { font: inherit; font-size: 0.8rem; padding: 0.2rem 0.5rem; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; color: #14324a; cursor: pointer; }
    button:focus-visible, input:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
    .progress { display: flex; align-items: center; gap: 0.5rem; flex-wrap: wrap; }
    ul { list-style: none; margin: 0; padding: 0; }
    .messages li { display: flex; gap: 0.4rem; align-items: flex-start; border-left: 4px solid #b91c1c; background: #fef2f2; padding: 0.3rem 0.4rem; margin: 0.25rem 0; }
    .messages li.warning { border-color: #b45309; background: #fffbeb; }
    .messages li.notice { border-color: #2563eb; background: #eff6ff; }
    .messages .text { flex: 1; overflow-wrap: anywhere; }
    .messages .source { font-weight: 600; }
    .layers li { border-bottom: 1px solid #e4e7eb; padding: 0.35rem 0; }
    .row { display: flex; align-items: center; gap: 0.4rem; flex-wrap: wrap; }
    .name { font-weight: 600; overflow-wrap: anywhere; }
    .meta { color: #52606d; font-size: 0.8rem; }
    .offset { background: #f5f7fa; padding: 0.3rem; margin-top: 0.25rem; font-size: 0.8rem; }
    dl { display: grid; grid-template-columns: minmax(5rem, auto) 1fr; gap: 0.15rem 0.5rem; margin: 0.3rem 0; }
    dt { font-weight: 600; overflow-wrap: anywhere; }
    dd { margin: 0; overflow-wrap: anywhere; white-space: pre-wrap; }
    .storage p { margin: 0.3rem 0; }
  `];

  /** names of the file last chosen (shown beside the chooser) */
  @state() private chosen: string[] = [];

  private onFile(event: Event): void {
    this.chosen = chosenFileNames(event);
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) emit(this, 'plan-import-file', { file });
    input.value = '';
  }

  private renderLayer(lang: Lang, layer: ImportedLayer) {
    const polygons = layer.summary.geometryTypes.some((type) => type.includes('Polygon'));
    return html`<li data-import-id=${layer.id}>
      <div class="row">
        <input type="checkbox" id="show-${layer.id}" .checked=${layer.visible}
          aria-label=${translate(lang, 'import.show', { name: layer.name })}
          @change=${(event: Event) => emit(this, 'plan-import-visible', { id: layer.id, visible: (event.target as HTMLInputElement).checked })}>
        <label class="name" for="show-${layer.id}">${layer.name}</label>
        <button class="remove" aria-label=${translate(lang, 'import.removeLabel', { name: layer.name })}
          @click=${() => emit(this, 'plan-import-remove', { id: layer.id })}>${translate(lang, 'import.remove')}</button>
      </div>
      <div class="meta">${translate(lang, 'import.features', { count: layer.summary.featureCount, types: layer.summary.geometryTypes.join(', ') })}</div>
      ${polygons ? html`<label class="row"><input type="checkbox" class="blue-green" .checked=${layer.countAsBlueGreen}
        @change=${(event: Event) => {
          const input = event.target as HTMLInputElement;
          emit(this, 'plan-import-blue-green', { id: layer.id, counted: input.checked });
          input.checked = this.store?.getState().imports.find((item) => item.id === layer.id)?.countAsBlueGreen ?? false;
        }}>
        ${translate(lang, 'import.blueGreen')}</label>` : nothing}
      ${layer.summary.offsetCandidate ? html`<div class="offset">
        <p>${translate(lang, 'import.offset.note')}</p>
        ${layer.conversion !== 'none' ? html`<p>${translate(lang, layer.conversion === 'gcj02' ? 'import.offset.current.gcj02' : 'import.offset.current.bd09')}</p>` : nothing}
        <div class="row">
          ${layer.conversion !== 'gcj02' ? html`<button class="convert-gcj02" @click=${() => emit(this, 'plan-import-convert', { id: layer.id, conversion: 'gcj02' })}>${translate(lang, 'import.offset.gcj02')}</button>` : nothing}
          ${layer.conversion !== 'bd09' ? html`<button class="convert-bd09" @click=${() => emit(this, 'plan-import-convert', { id: layer.id, conversion: 'bd09' })}>${translate(lang, 'import.offset.bd09')}</button>` : nothing}
          ${layer.conversion !== 'none' ? html`<button class="convert-undo" @click=${() => emit(this, 'plan-import-convert', { id: layer.id, conversion: 'none' })}>${translate(lang, 'import.offset.undo')}</button>` : nothing}
        </div>
      </div>` : nothing}
    </li>`;
  }

  private renderInspector(lang: Lang, state: ImportPanelView) {
    const inspected = state.importSession.inspected;
    if (!inspected) return nothing;
    const layer = state.imports.find((item) => item.id === inspected.layerId);
    if (!layer) return nothing;
    const entries = Object.entries(inspected.properties ?? {});
    return html`<section class="inspector" aria-labelledby="inspect-title">
      <h3 id="inspect-title">${translate(lang, 'import.inspect.title')}</h3>
      <div class="row"><span class="meta">${translate(lang, 'import.inspect.feature', { name: layer.name, index: inspected.featureIndex })}</span>
        ${inspected.polygon ? html`<button class="use-as-study" @click=${() => emit(this, 'plan-import-use-as-study', null)}>${translate(lang, 'import.useAsStudy')}</button>` : nothing}
        <button class="close-inspector" @click=${() => emit(this, 'plan-import-inspect-close', null)}>${translate(lang, 'import.inspect.close')}</button></div>
      ${entries.length === 0 ? html`<p class="meta">${translate(lang, 'import.inspect.empty')}</p>` : html`<dl>
        ${entries.map(([key, value]) => html`<dt>${key}</dt><dd>${typeof value === 'string' ? value : JSON.stringify(value)}</dd>`)}
      </dl>`}
    </section>`;
  }

  override render() {
    const state = this.view.value;
    if (!state) return nothing;
    const lang = state.lang;
    const session = state.importSession;
    const progress = session.progress;
    return html`
      <h2>${translate(lang, 'import.title')}</h2>
      <div class="file-choice">
        <button type="button" class="choose-file" aria-describedby="import-file-name" @click=${openFileChooser}>${translate(lang, 'import.choose')}</button>
        <span class="file-name" id="import-file-name">${chosenFilesText(lang, this.chosen)}</span>
        <input type="file" hidden data-testid="import-file" aria-label=${translate(lang, 'import.choose')}
          accept=".geojson,.json,application/geo+json,application/json" @change=${this.onFile}>
      </div>
      <p class="hint">${translate(lang, 'import.hint', { limitMb: MAX_IMPORT_BYTES / 1048576 })}</p>
      ${progress ? html`<div class="progress">
        <span>${translate(lang, `import.stage.${progress.stage}`)}</span>
        <progress max="1" .value=${progress.fraction} aria-label=${translate(lang, 'import.progressLabel', { name: progress.source })}></progress>
        <button class="cancel" @click=${() => emit(this, 'plan-import-cancel', null)}>${translate(lang, 'import.cancel')}</button>
      </div>` : nothing}
      ${session.messages.length ? html`<section aria-labelledby="messages-title">
        <div class="row"><h3 id="messages-title">${translate(lang, 'import.messages')}</h3>
          <button class="dismiss-all" @click=${() => emit(this, 'plan-import-dismiss', { id: 'all' })}>${translate(lang, 'import.dismissAll')}</button></div>
        <ul class="messages">${session.messages.map((message) => html`<li class=${message.issue.severity} data-code=${message.issue.code}>
          <span class="text"><span class="source">${message.source}</span> · ${translate(lang, `import.severity.${message.issue.severity}`)}: ${issueText(lang, message.issue)}</span>
          <button class="dismiss" aria-label=${translate(lang, 'import.dismiss')} @click=${() => emit(this, 'plan-import-dismiss', { id: message.id })}>×</button>
        </li>`)}</ul>
      </section>` : nothing}
      <h3>${translate(lang, 'import.layers')}</h3>
      ${state.imports.length ? html`<ul class="layers">${state.imports.map((layer) => this.renderLayer(lang, layer))}</ul>`
        : html`<p class="meta">${translate(lang, 'import.none')}</p>`}
      ${this.renderInspector(lang, state)}
      <section class="storage" aria-labelledby="storage-title">
        <h3 id="storage-title">${translate(lang, 'storage.title')}</h3>
        ${session.storageProblem ? html`<p class="storage-problem">${translate(lang, `storage.${session.storageProblem}`, { limitMb: 150, detail: '' })}</p>` : nothing}
        <div class="row">
          <button class="export" @click=${() => emit(this, 'plan-work-export', null)}>${translate(lang, 'storage.export')}</button>
          ${session.backups.map((backup) => html`<button class="backup" @click=${() => emit(this, 'plan-backup-download', { id: backup.id })}>${translate(lang, 'storage.backup', { what: translate(lang, backup.label === 'settings' ? 'storage.what.settings' : 'storage.what.imports') })}</button>`)}
        </div>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-import-panel': PlanImportPanel;
  }
}
