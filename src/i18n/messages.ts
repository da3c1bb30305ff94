/**
 * The message catalogue. Every UI string lives here, in both languages; components look strings up
 * with `translate(lang, key)`. `en` is typed against `zh`, so a key missing in one language fails tsc.
 */
import * as core from './catalogue/core.ts';
import * as planInterface from './catalogue/interface.ts';
import * as presenter from './catalogue/presenter.ts';
import * as importing from './catalogue/import.ts';
import * as study from './catalogue/study.ts';
import * as stats from './catalogue/stats.ts';
import * as inspectorContext from './catalogue/inspector-context.ts';
import * as landuse from './catalogue/landuse.ts';

export type Lang = 'zh' | 'en';

// Each feature keeps its strings in its own catalogue module (src/i18n/catalogue/<feature>.ts, exporting
// `zh` and `en` with the same keys); add it to both spreads below.
export const zh = { ...core.zh, ...planInterface.zh, ...presenter.zh, ...importing.zh, ...study.zh, ...stats.zh, ...inspectorContext.zh, ...landuse.zh } as const;

export type MessageKey = keyof typeof zh;

export const en: Record<MessageKey, string> = { ...core.en, ...planInterface.en, ...presenter.en, ...importing.en, ...study.en, ...stats.en, ...inspectorContext.en, ...landuse.en };


const catalogues: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** Looks up a UI string; `{name}` placeholders are filled from `params` as plain text. */
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogues[lang][key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** The default language from the browser's preferences: Chinese if any preferred language is zh. */
export function languageFromNavigator(languages: readonly string[]): Lang {
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh';
    if (lower.startsWith('en')) return 'en';
  }
  return 'zh';
}
