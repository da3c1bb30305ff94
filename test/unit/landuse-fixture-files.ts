import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import type { InputFile } from '../../src/data/landuse/collect-files.ts';

/** Land-use fixtures made by scripts/fixtures/make-landuse-fixtures.ts. */
export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'landuse');

/** A fixture zip as the user would pick it. */
export function fixtureZip(name: string): InputFile {
  return { name, bytes: new Uint8Array(readFileSync(join(FIXTURE_DIR, name))) };
}

/** The files inside a fixture zip, as if the user picked them loose. */
export function fixtureLoose(name: string): InputFile[] {
  return Object.entries(unzipSync(fixtureZip(name).bytes)).map(([entry, bytes]) => ({ name: entry, bytes }));
}
