/**
 * The presenter view: a second window for the laptop screen while the map presents on the projector. It shows
 * the current slide's notes, the next slide, a timer and the counter, and takes the clicker's keys too. The window
 * is an about:blank pop-up of this page (same origin, also over file://), built and driven from here: no script
 * runs in it, so both windows stay in step by construction.
 */
import type { Lang } from '../../i18n/messages.ts';
import { translate } from '../../i18n/messages.ts';

export interface PresenterViewState {
  lang: Lang;
  index: number;
  total: number;
  caption: string;
  notes: string;
  next: { caption: string; yearChange: string } | null;
}

const CSS = `
  body { margin: 0; font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif;
    background: #0f2233; color: #f3f1ec; display: grid; grid-template-rows: auto 1fr auto; height: 100vh; }
  header { display: flex; gap: 1rem; align-items: baseline; padding: 0.6rem 1rem; background: #14324a; }
  header h1 { font-size: 1rem; margin: 0; flex: 1; }
  .counter, .timer { font-variant-numeric: tabular-nums; font-size: 1.2rem; }
  main { display: grid; grid-template-columns: 2fr 1fr; gap: 1rem; padding: 1rem; overflow: auto; }
  h2 { font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.04em; color: #fde68a; background: #0f2233; margin: 0 0 0.4rem; }
  .notes { font-size: 1.35rem; line-height: 1.5; white-space: pre-wrap; }
  .caption { font-size: 0.95rem; color: #dfe7ee; background: #0f2233; margin-bottom: 1rem; }
  .next { background: #1b3a52; border-radius: 6px; padding: 0.7rem; font-size: 0.95rem; }
  footer { display: flex; gap: 0.6rem; padding: 0.6rem 1rem; background: #14324a; }
  button { font: inherit; font-size: 1rem; padding: 0.4rem 1rem; border-radius: 4px; border: 0; background: #fde68a; color: #14324a; cursor: pointer; }
  button:focus-visible { outline: 3px solid #fff; outline-offset: 2px; }
`;

/** The clicker's keys, shared by the audience window and the presenter view. */
export const NEXT_KEYS: ReadonlySet<string> = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar']);
export const PREVIOUS_KEYS: ReadonlySet<string> = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

export class PresenterView {
  private popup: Window | null = null;
  private started = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private last: PresenterViewState | undefined;

  /** @param step - moves the presentation by ±1 slide (the same step the main window's keys take) */
  constructor(private readonly step: (delta: number) => void, private readonly onClosed: () => void) {}

  get isOpen(): boolean {
    return this.popup !== null && !this.popup.closed;
  }

  /** Opens the window (call from a click: browsers allow pop-ups only then). False when it was blocked. */
  open(state: PresenterViewState): boolean {
    if (this.isOpen) {
      this.update(state);
      return true;
    }
    let popup: Window | null = null;
    try {
      popup = window.open('', 'plan-presenter-view', 'popup,width=960,height=600');
    } catch {
      popup = null;
    }
    if (!popup || !popup.document) return false;
    this.popup = popup;
    const doc = popup.document;
    doc.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    doc.head.replaceChildren();
    doc.body.replaceChildren();
    const style = doc.createElement('style');
    style.textContent = CSS;
    doc.head.append(style);
    doc.body.append(
      this.element('header', [this.element('h1', [], 'title'), this.element('span', [], 'timer'), this.element('span', [], 'counter')]),
      this.element('main', [
        this.element('section', [this.element('h2', [], 'notes-heading'), this.element('div', [], 'caption'), this.element('div', [], 'notes')]),
        this.element('section', [this.element('h2', [], 'next-heading'), this.element('div', [], 'next')]),
      ]),
      this.element('footer', [this.button('previous', -1), this.button('next', 1)]),
    );
    doc.addEventListener('keydown', this.onKey);
    popup.addEventListener('pagehide', this.onPageHide);
    this.started = Date.now();
    this.timer = setInterval(() => this.renderTimer(), 1000);
    this.update(state);
    return true;
  }

  update(state: PresenterViewState): void {
    this.last = state;
    if (!this.isOpen) return;
    const t = (key: Parameters<typeof translate>[1], params: Record<string, string | number> = {}) => translate(state.lang, key, params);
    this.text('title', t('present.viewTitle'));
    this.text('counter', t('present.counter', { n: state.index + 1, total: state.total }));
    this.text('notes-heading', t('present.notes'));
    this.text('caption', state.caption);
    this.text('notes', state.notes || t('present.noNotes'));
    this.text('next-heading', t('present.next'));
    this.text('next', state.next ? [state.next.caption, state.next.yearChange].filter(Boolean).join('\n') : t('present.end'));
    this.text('previous', t('present.previous'));
    this.text('next-button', t('present.next'));
    this.renderTimer();
  }

  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    const popup = this.popup;
    this.popup = null;
    if (popup && !popup.closed) {
      popup.document.removeEventListener('keydown', this.onKey);
      popup.removeEventListener('pagehide', this.onPageHide);
      popup.close();
    }
  }

  private renderTimer(): void {
    if (!this.isOpen || !this.last) return;
    const seconds = Math.floor((Date.now() - this.started) / 1000);
    const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    this.text('timer', `${translate(this.last.lang, 'present.timer')} ${clock}`);
  }

  private element(tag: string, children: Node[], id?: string): HTMLElement {
    const element = this.popup!.document.createElement(tag);
    if (id) element.dataset.part = id;
    if (id === 'notes' || id === 'caption' || id === 'next' || id === 'timer' || id === 'counter') element.className = id;
    element.append(...children);
    return element;
  }

  private button(part: 'previous' | 'next', delta: number): HTMLElement {
    const button = this.element('button', [], part === 'next' ? 'next-button' : 'previous');
    button.setAttribute('type', 'button');
    button.addEventListener('click', () => this.step(delta));
    return button;
  }

  private text(part: string, value: string): void {
    const element = this.popup?.document.querySelector<HTMLElement>(`[data-part="${part}"]`);
    if (element && element.textContent !== value) element.textContent = value;
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    if (NEXT_KEYS.has(event.key)) this.step(1);
    else if (PREVIOUS_KEYS.has(event.key)) this.step(-1);
    else return;
    event.preventDefault();
  };

  private readonly onPageHide = (): void => {
    clearInterval(this.timer);
    this.timer = undefined;
    this.popup = null;
    this.onClosed();
  };
}
