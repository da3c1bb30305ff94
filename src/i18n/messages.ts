/**
 * The message catalogue. Every UI string lives here, in both languages; components look strings up
 * with `translate(lang, key)`. Each catalogue module (src/i18n/catalogue/<feature>.ts) exports `zh` (`as const`)
 * and `en` typed against it, so a key missing in one language fails tsc.
 *
 * The first view's catalogues are part of the first view's JavaScript (FIRST_VIEW below). A feature loaded
 * with `lazyFeature` names its catalogue there (`lazyFeature(load, 'stats')`): the catalogue comes in its own
 * chunk, beside the feature's code, and is added before the feature installs, so `translate` stays synchronous.
 * `MessageKey` is the union of every catalogue's keys (type-only imports for the lazy ones).
 */
import * as core from './catalogue/core.ts';
import * as planInterface from './catalogue/interface.ts';
import * as inspectorContext from './catalogue/inspector-context.ts';
import * as inspectorWhatIf from './catalogue/inspector-what-if.ts';
import * as savedWork from './catalogue/saved-work.ts';
import * as display from './catalogue/display.ts';
import type * as presenter from './catalogue/presenter.ts';
import type * as importing from './catalogue/import.ts';
import type * as study from './catalogue/study.ts';
import type * as stats from './catalogue/stats.ts';
import type * as landuse from './catalogue/landuse.ts';
import type * as compare from './catalogue/compare.ts';
import type * as share from './catalogue/share.ts';
import type * as basemap from './catalogue/basemap.ts';
import type * as planImage from './catalogue/plan-image.ts';

export type Lang = 'zh' | 'en';

/** A catalogue module: the same keys in Chinese and English. */
export interface Catalogue<Key extends string = string> {
  readonly zh: Readonly<Record<Key, string>>;
  readonly en: Readonly<Record<Key, string>>;
}

/** The keys of one catalogue module, or of each module in a union of them. */
type KeysOf<Module> = Module extends { zh: infer Strings } ? keyof Strings & string : never;

/** Catalogues the first view renders with: loaded with it, always available. */
const FIRST_VIEW = [core, planInterface, inspectorContext, inspectorWhatIf, savedWork, display] as const;

/** Catalogues that come with a lazily loaded feature, by name (one chunk each). */
const LAZY = {
  presenter: () => import('./catalogue/presenter.ts'),
  import: () => import('./catalogue/import.ts'),
  study: () => import('./catalogue/study.ts'),
  stats: () => import('./catalogue/stats.ts'),
  landuse: () => import('./catalogue/landuse.ts'),
  compare: () => import('./catalogue/compare.ts'),
  share: () => import('./catalogue/share.ts'),
  basemap: () => import('./catalogue/basemap.ts'),
  planImage: () => import('./catalogue/plan-image.ts'),
} satisfies Record<string, () => Promise<Catalogue>>;

export type CatalogueName = keyof typeof LAZY;

export type MessageKey =
  | KeysOf<(typeof FIRST_VIEW)[number]>
  | KeysOf<typeof presenter>
  | KeysOf<typeof importing>
  | KeysOf<typeof study>
  | KeysOf<typeof stats>
  | KeysOf<typeof landuse>
  | KeysOf<typeof compare>
  | KeysOf<typeof share>
  | KeysOf<typeof basemap>
  | KeysOf<typeof planImage>;

const strings: Record<Lang, Partial<Record<MessageKey, string>>> = { zh: {}, en: {} };
const loading = new Map<CatalogueName, Promise<void>>();

/** Adds a catalogue's strings (both languages) to what `translate` finds. */
export function addCatalogue(catalogue: { readonly zh: Partial<Record<MessageKey, string>>; readonly en: Partial<Record<MessageKey, string>> }): void {
  Object.assign(strings.zh, catalogue.zh);
  Object.assign(strings.en, catalogue.en);
}

for (const catalogue of FIRST_VIEW) addCatalogue(catalogue);

/**
 * Loads the named catalogues (each once; later calls share the first load) and adds them.
 * @returns a promise that settles when every one of them can be translated
 */
export function loadCatalogues(names: readonly CatalogueName[]): Promise<void> {
  return Promise.all(names.map((name) => {
    let pending = loading.get(name);
    if (!pending) {
      pending = LAZY[name]().then(addCatalogue);
      // a failed load (e.g. offline after a deploy) may be retried by the next caller
      pending.catch(() => loading.delete(name));
      loading.set(name, pending);
    }
    return pending;
  })).then(() => undefined);
}

/** True when `key` names a string that is loaded now. */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(strings.zh, key);
}

/**
 * Looks up a UI string; `{name}` placeholders are filled from `params` as plain text. A key whose catalogue
 * is not loaded yet is shown as the key itself (a visible bug, never an exception).
 */
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = strings[lang][key] ?? key;
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
