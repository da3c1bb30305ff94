/**
 * File choosers in the interface's language. The browser's own file control shows its words ("Choose File",
 * "No file chosen") in the browser's language, so each chooser is a labelled button that opens a hidden
 * native `<input type="file">` (kept in the DOM: scripts and tests set its files), and a line that names the
 * chosen file(s) or says that none is chosen.
 */
import { css } from 'lit';
import { translate } from '../../../i18n/messages.ts';
import type { Lang } from '../../../i18n/messages.ts';

export const fileChoiceStyles = css`
  .file-choice { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 0.6rem; margin: 0.2rem 0; }
  .file-choice .file-name { color: #3e4c59; overflow-wrap: anywhere; }
`;

/** What the chooser says about the files it holds: their names, or that none is chosen. */
export function chosenFilesText(lang: Lang, names: readonly string[]): string {
  if (names.length === 0) return translate(lang, 'file.none');
  if (names.length === 1) return translate(lang, 'file.chosen', { names: names[0]! });
  return translate(lang, 'file.chosenCount', { count: names.length, names: names.join(', ') });
}

/** The names of the files of a native file input's `change` event. */
export function chosenFileNames(event: Event): string[] {
  const input = event.target as HTMLInputElement;
  return [...(input.files ?? [])].map((file) => file.name);
}

/** The chooser button's click: opens the native file input of the same `.file-choice`. */
export function openFileChooser(event: Event): void {
  const button = event.currentTarget as HTMLElement;
  button.closest('.file-choice')?.querySelector<HTMLInputElement>('input[type=file]')?.click();
}
