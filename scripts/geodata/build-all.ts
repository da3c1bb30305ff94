/**
 * Regenerates every geodata layer, in dependency order:
 *   boundary -> subdistricts -> structure / blue-green / construction -> context -> crossings -> projects.
 * Usage (repo root; needs ../shared/reference): npx tsx scripts/geodata/build-all.ts
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { REPO } from './common.ts';

for (const step of ['boundary.ts', 'subdistricts.ts', 'plan-layers.ts', 'build-points.ts', 'crossings.ts', 'projects.ts']) {
  execFileSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'scripts', 'geodata', step)], { stdio: 'inherit', cwd: REPO });
}
