/**
 * Every catalogue at once, for tests and tools that check or print strings without loading features: importing
 * this module adds every catalogue, so `translate` finds every key. The app itself never imports it (the first
 * view would carry every feature's strings); it loads feature catalogues with their features (see messages.ts).
 */
import * as core from './catalogue/core.ts';
import * as planInterface from './catalogue/interface.ts';
import * as inspectorContext from './catalogue/inspector-context.ts';
import * as inspectorWhatIf from './catalogue/inspector-what-if.ts';
import * as savedWork from './catalogue/saved-work.ts';
import * as presenter from './catalogue/presenter.ts';
import * as importing from './catalogue/import.ts';
import * as study from './catalogue/study.ts';
import * as stats from './catalogue/stats.ts';
import * as landuse from './catalogue/landuse.ts';
import * as share from './catalogue/share.ts';
import * as display from './catalogue/display.ts';
import * as compare from './catalogue/compare.ts';
import * as basemap from './catalogue/basemap.ts';
import * as planImage from './catalogue/plan-image.ts';
import { addCatalogue } from './messages.ts';
import type { MessageKey } from './messages.ts';

// Typed as Record<MessageKey, string>: a catalogue missing here fails tsc.
/** Every Chinese string by key. */
export const zh: Record<MessageKey, string> = {
  ...core.zh, ...planInterface.zh, ...inspectorContext.zh, ...inspectorWhatIf.zh, ...savedWork.zh, ...share.zh, ...display.zh,
  ...presenter.zh, ...importing.zh, ...study.zh, ...stats.zh, ...landuse.zh, ...compare.zh,
  ...basemap.zh,
  ...planImage.zh,
};
/** Every English string by key. */
export const en: Record<MessageKey, string> = {
  ...core.en, ...planInterface.en, ...inspectorContext.en, ...inspectorWhatIf.en, ...savedWork.en, ...share.en, ...display.en,
  ...presenter.en, ...importing.en, ...study.en, ...stats.en, ...landuse.en, ...compare.en,
  ...basemap.en,
  ...planImage.en,
};

addCatalogue({ zh, en });

export { translate, languageFromNavigator } from './messages.ts';
