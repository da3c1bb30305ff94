/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (each in its own process so one benchmark's
 * heap and JIT state do not colour the next) and passes their output through. Each benchmark prints
 * a readable table and one JSON line per figure. Pass names to run a subset: `npm run bench -- analysis`.
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const only = process.argv.slice(2);
const files = readdirSync(new URL('.', import.meta.url))
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/${file}`], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.error(`${file} exited with ${result.status}`);
  }
}
process.exit(failed ? 1 : 0);
