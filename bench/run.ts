/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (each in its own process so one benchmark's
 * heap and JIT state do not colour the next) and passes their output through. Each benchmark prints
 * a readable table and one JSON line per figure. Pass names to run a subset: `npm run bench -- analysis`.
 * At the end, a summary table gathers every figure line with its baseline and goal (bench/lib/summary.ts).
 */
import { readdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { figuresTable, parseFigureLines } from './lib/report.ts';
import { summaryFigures } from './lib/summary.ts';

const only = process.argv.slice(2);
const files = readdirSync(new URL('.', import.meta.url))
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

/** Runs one benchmark file, streaming its output and keeping a copy of stdout. */
function runFile(file: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `bench/${file}`], { stdio: ['inherit', 'pipe', 'inherit'], env });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      stdout += chunk.toString('utf8');
    });
    child.on('close', (status) => resolve({ status, stdout }));
  });
}

// Builds (app, baseline, MapLibre alone) happen once per run, shared by the files (bench/lib/builds.ts).
const env = { ...process.env, BENCH_RUN_ID: process.env.BENCH_RUN_ID ?? `${process.pid}-${Date.now()}` };
let failed = 0;
let output = '';
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const result = await runFile(file, env);
  output += result.stdout;
  if (result.status !== 0) {
    failed += 1;
    console.error(`${file} exited with ${result.status}`);
  }
}
const figures = summaryFigures(parseFigureLines(output), only.length === 0);
if (figures.length) console.log(`\n=== summary: every figure beside its baseline and goal ===\n${figuresTable(figures)}`);
process.exit(failed ? 1 : 0);
