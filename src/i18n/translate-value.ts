import { hasMessage, translate } from './messages.ts';
import type { Lang } from './messages.ts';

/**
 * Translates a data value through the catalogue key `<prefix>.<value>` (e.g. `status.open`);
 * a value without a catalogue entry is shown as it is (always as text).
 */
export function translateValue(lang: Lang, prefix: string, value: unknown): string {
  const key = `${prefix}.${String(value)}`;
  return hasMessage(key) ? translate(lang, key) : String(value);
}
