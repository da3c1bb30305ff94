import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import { pick, shallowEqual } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import type { PlanImage } from '../../../state/plan-image-state.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { emit } from '../../events.ts';
import { translate } from '../../../i18n/messages.ts';
import type { Lang } from '../../../i18n/messages.ts';
import { fileChoiceStyles, openFileChooser } from '../display/file-choice.ts';

/**
 * The plan images in the layer tree ("Plan image / 规划图片"): open one (image, world file, .prj or a zip), and
 * per image show / hide, opacity, above or below the plan layers, place again by its corners, remove; while an
 * image is placed by its corners, Done and Cancel; and the question a world file without .prj asks. File
 * names are untrusted text, rendered as text.
 *
 * @fires plan-image-files - files chosen
 * @fires plan-image-visible - an image shown or hidden
 * @fires plan-image-opacity - an image's opacity
 * @fires plan-image-position - above or below the plan layers
 * @fires plan-image-remove - an image removed
 * @fires plan-image-place - place an image again by its corners
 * @fires plan-image-place-end - done or cancel while placing
 * @fires plan-image-answer - the system of a world file without .prj, placing by corners instead, or cancel
 */
@customElement('plan-image-layers')
export class PlanImageLayers extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  private readonly view = new StoreController(this, () => this.store, pick<PlanState, 'lang' | 'planImages'>('lang', 'planImages'), shallowEqual);

  static override styles = [fileChoiceStyles, css`
    :host { display: block; font-size: 0.88rem; margin-top: 0.6rem; border-top: 1px solid #d5dbe1; padding-top: 0.5rem; }
    h3 { font-size: 0.88rem; margin: 0 0 0.3rem; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { margin: 0.4rem 0; }
    .row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem; min-height: 1.9rem; }
    .name { flex: 1; overflow-wrap: anywhere; }
    .note, .hint { font-size: 0.8rem; color: #4a5561; margin: 0.1rem 0; }
    input[type='checkbox'] { width: 1.05rem; height: 1.05rem; margin: 0; accent-color: #14324a; }
    input[type='range'] { width: 5.5rem; accent-color: #14324a; }
    .value { width: 2.6rem; text-align: right; font-variant-numeric: tabular-nums; color: #4a5561; font-size: 0.8rem; }
    button, select {
      font: inherit; font-size: 0.8rem; padding: 0.15rem 0.45rem; border: 1px solid #8a96a3; border-radius: 4px; background: #fff; color: #14324a; cursor: pointer;
    }
    button.primary { background: #14324a; color: #fff; border-color: #14324a; }
    button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
    .placing, .question { border-left: 3px solid #b45309; padding: 0.2rem 0.5rem; margin: 0.3rem 0; background: #fffaf0; }
  `];

  private chooseFiles(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length) emit(this, 'plan-image-files', { files });
  }

  private renderQuestion(state: Pick<PlanState, 'lang' | 'planImages'>, lang: Lang) {
    const question = state.planImages.question;
    if (!question) return null;
    const suggested = question.options.find((option) => option.id === question.suggested);
    return html`
      <div class="question" role="group" aria-labelledby="plan-image-question" data-plan-image-question>
        <p id="plan-image-question">${translate(lang, 'planImage.question', { name: question.name })}</p>
        <p class="hint">${suggested ? translate(lang, 'planImage.questionSuggested', { crs: suggested.label }) : translate(lang, 'planImage.questionNoGuess')}</p>
        <div class="row">
          <label for="plan-image-system">${translate(lang, 'planImage.questionSystem')}</label>
          <select id="plan-image-system">
            ${question.options.map((option) => html`<option value=${option.id} ?selected=${option.id === question.suggested}>${option.label}</option>`)}
          </select>
        </div>
        <div class="row">
          <button type="button" class="primary" data-action="answer" @click=${() => {
            const select = this.renderRoot.querySelector<HTMLSelectElement>('#plan-image-system');
            if (select?.value) emit(this, 'plan-image-answer', { crsId: select.value });
          }}>${translate(lang, 'planImage.questionPlace')}</button>
          <button type="button" data-action="by-corners" @click=${() => emit(this, 'plan-image-answer', { byCorners: true })}>${translate(lang, 'planImage.questionByCorners')}</button>
          <button type="button" data-action="cancel-question" @click=${() => emit(this, 'plan-image-answer', { cancel: true })}>${translate(lang, 'planImage.cancel')}</button>
        </div>
      </div>`;
  }

  private renderImage(image: PlanImage, index: number, placingId: string | undefined, lang: Lang) {
    const percent = Math.round(image.opacity * 100);
    const show = `plan-image-show-${index}`;
    const placing = placingId === image.id;
    return html`
      <li data-plan-image=${image.id}>
        <div class="row">
          <input type="checkbox" id=${show} .checked=${image.visible} aria-label=${translate(lang, 'planImage.show', { name: image.name })}
            @change=${(event: Event) => emit(this, 'plan-image-visible', { id: image.id, visible: (event.target as HTMLInputElement).checked })}>
          <label for=${show} class="name">${image.name}</label>
        </div>
        <p class="note">${image.placement === 'world-file' ? translate(lang, 'planImage.byWorld', { crs: image.crsLabel ?? '?' }) : translate(lang, 'planImage.byHand')}</p>
        <div class="row">
          <input type="range" min="0" max="100" step="5" .value=${String(percent)} data-plan-image-opacity=${image.id}
            aria-label=${translate(lang, 'planImage.opacity', { name: image.name })} aria-valuetext=${`${percent}%`} ?disabled=${!image.visible}
            @input=${(event: Event) => emit(this, 'plan-image-opacity', { id: image.id, opacity: Number((event.target as HTMLInputElement).value) / 100 })}>
          <span class="value" aria-hidden="true">${percent}%</span>
          <select data-plan-image-position=${image.id} aria-label=${translate(lang, 'planImage.position', { name: image.name })}
            @change=${(event: Event) => emit(this, 'plan-image-position', { id: image.id, position: (event.target as HTMLSelectElement).value === 'below' ? 'below' : 'above' })}>
            <option value="above" ?selected=${image.position === 'above'}>${translate(lang, 'planImage.above')}</option>
            <option value="below" ?selected=${image.position === 'below'}>${translate(lang, 'planImage.below')}</option>
          </select>
        </div>
        ${placing ? html`
          <div class="placing" data-plan-image-placing>
            <p class="hint">${translate(lang, 'planImage.placing', { name: image.name })}</p>
            <div class="row">
              <button type="button" class="primary" data-action="place-done" @click=${() => emit(this, 'plan-image-place-end', { done: true })}>${translate(lang, 'planImage.done')}</button>
              <button type="button" data-action="place-cancel" @click=${() => emit(this, 'plan-image-place-end', { done: false })}>${translate(lang, 'planImage.cancel')}</button>
            </div>
          </div>` : html`
          <div class="row">
            <button type="button" data-action="place" aria-label=${translate(lang, 'planImage.replaceLabel', { name: image.name })}
              @click=${() => emit(this, 'plan-image-place', { id: image.id })}>${translate(lang, 'planImage.replace')}</button>
            <button type="button" data-action="remove" aria-label=${translate(lang, 'planImage.removeLabel', { name: image.name })}
              @click=${() => emit(this, 'plan-image-remove', { id: image.id })}>${translate(lang, 'planImage.remove')}</button>
          </div>`}
      </li>`;
  }

  override render() {
    const state = this.view.value;
    if (!state) return null;
    const lang = state.lang;
    const images = [...state.planImages.images].reverse();
    return html`
      <section aria-labelledby="plan-image-title" data-group="plan-image">
        <h3 id="plan-image-title">${translate(lang, 'planImage.title')}</h3>
        <div class="file-choice">
          <button type="button" data-action="open" @click=${openFileChooser}>${translate(lang, 'planImage.open')}</button>
          <input type="file" hidden multiple data-testid="plan-image-file" aria-label=${translate(lang, 'planImage.open')}
            accept=".png,.jpg,.jpeg,.pgw,.pngw,.jgw,.jpgw,.wld,.tfw,.prj,.zip,image/png,image/jpeg"
            @change=${(event: Event) => this.chooseFiles(event)}>
        </div>
        <p class="hint">${translate(lang, 'planImage.openHint')}</p>
        ${this.renderQuestion(state, lang)}
        ${images.length ? html`<ul aria-label=${translate(lang, 'planImage.list')}>
          ${images.map((image, index) => this.renderImage(image, index, state.planImages.placing?.id, lang))}
        </ul>` : null}
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-image-layers': PlanImageLayers;
  }
}
