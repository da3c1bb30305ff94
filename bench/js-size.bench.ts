/**
 * The first view's JavaScript beside MapLibre (js.app_on_top_kb): the app built with `maplibre-gl` external
 * (bench/lib/js-size.ts), its entry chunk and every chunk that one imports statically, gzip -9 per file.
 * Lists the first view's largest modules and where each message catalogue went (first view or a lazy chunk),
 * since catalogues are the easiest weight to let back in. Also the count as a browser sees it: the built page's
 * module script + every modulepreload + the MapLibre worker, minus the same for bare MapLibre (bench/maplibre-only).
 * `npm run bench -- js-size` runs only this.
 */
import { FIRST_VIEW_JS_BUDGET_KB, buildAppWithoutMaplibre, firstView, pageFirstViewJs, totalGzip } from './lib/js-size.ts';
import { buildAll } from './lib/builds.ts';
import { formatTable, printFigures } from './lib/report.ts';
import { round } from './lib/stats.ts';

const kb = (bytes: number) => bytes / 1024;
const own = await buildAppWithoutMaplibre();
const first = firstView(own);

console.log('the first view\'s JS files (app own, maplibre-gl external):');
console.log(formatTable(['file', 'gzip'], [...first.files].sort((a, b) => b.gzip - a.gzip).map((file) => [file.file, String(file.gzip)])));
console.log('\nlargest modules in the first view (bytes before minification):');
console.log(formatTable(['module', 'bytes'], first.modules.slice(0, 20).map((module) => [module.id, String(module.renderedBytes)])));
console.log('\nmessage catalogues (bytes before minification):');
console.log(formatTable(['catalogue', 'bytes', 'loaded'], own.chunks.flatMap((chunk) => chunk.modules
  .filter((module) => module.id.startsWith('src/i18n/catalogue/'))
  .map((module) => [module.id.replace('src/i18n/catalogue/', ''), String(module.renderedBytes), chunk.initial ? 'first view' : `lazily, ${chunk.file}`]))
  .sort((a, b) => a[2]!.localeCompare(b[2]!) || a[0]!.localeCompare(b[0]!))));

const builds = await buildAll();
const page = pageFirstViewJs(builds.app);
const bare = pageFirstViewJs(builds.maplibreOnly);
console.log('\nwhat the pages fetch before the first frame (gzip):');
console.log(formatTable(['page', 'file', 'gzip'], [...page.map((file) => ['app', file.file, String(file.gzip)]), ...bare.map((file) => ['bare MapLibre', file.file, String(file.gzip)])]));
const beyond = kb(totalGzip(page) - totalGzip(bare));

printFigures('first view JS', [{
  bench: 'js.first_view_beyond_maplibre_kb', value: round(beyond), baseline: round(kb(totalGzip(bare))), goal: `≤ ${FIRST_VIEW_JS_BUDGET_KB} KB gzip`,
  met: beyond <= FIRST_VIEW_JS_BUDGET_KB,
  note: 'entry script + modulepreloads of index.html + MapLibre worker, minus bare MapLibre\'s entry + worker (baseline: bare MapLibre\'s total)',
}, {
  bench: 'js.app_on_top_kb', value: round(kb(first.gzip)), goal: `≤ ${FIRST_VIEW_JS_BUDGET_KB} KB gzip`, met: kb(first.gzip) <= FIRST_VIEW_JS_BUDGET_KB,
  note: 'app JS the first view loads beside MapLibre (entry chunk + static imports); budget 60 KB gzip',
}]);
