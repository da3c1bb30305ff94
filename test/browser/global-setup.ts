import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from '../helpers/chromium.ts';
import { serveDirectory } from '../helpers/static-server.ts';
import { writeBasemapFixtures } from '../../scripts/fixtures/make-basemap-fixtures.ts';
import { writePlanImageFixtures } from '../../scripts/fixtures/make-plan-image-fixtures.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    componentsUrl: string;
  }
}

/**
 * Builds the app once (skip with PLAN_SKIP_BUILD=1 when dist/ is fresh) and serves dist/ for every
 * browser test file; builds and serves the component test page (test/components, always: it is small).
 * Fails early, with install instructions, when no Chromium is present.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  chromiumPath();
  await writeBasemapFixtures();
  writePlanImageFixtures();
  if (process.env.PLAN_SKIP_BUILD !== '1') {
    await build({ logLevel: 'warn', configFile: 'vite.config.ts' });
  }
  await build({ logLevel: 'error', configFile: 'test/components/vite.config.ts' });
  const server = await serveDirectory('dist');
  const components = await serveDirectory('dist-components');
  project.provide('baseUrl', server.url);
  project.provide('componentsUrl', components.url);
  return async () => {
    await server.close();
    await components.close();
  };
}
