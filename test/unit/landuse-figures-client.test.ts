import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { landUseFiguresClient } from '../../src/app/landuse/landuse-figures-client.ts';
import type { LandUseClient } from '../../src/data/landuse/landuse-client.ts';

const boundary: Feature<Polygon> = {
  type: 'Feature', properties: {},
  geometry: { type: 'Polygon', coordinates: [[[117, 36.7], [117.1, 36.7], [117.1, 36.8], [117, 36.7]]] },
};

/** A land-use worker stand-in that records what it is asked. */
function recordingWorker() {
  const asked: unknown[] = [];
  const worker = { request: async (body: unknown) => { asked.push(body); return { ok: true, asked: body }; } } as unknown as LandUseClient;
  return { worker, asked };
}

describe('the land-use figures client asks its own worker for the second state and the transition matrix', () => {
  it('runs the matrix from 现状 to 规划 whichever of the two is the layer in force', async () => {
    const { worker, asked } = recordingWorker();
    const client = landUseFiguresClient(worker, 7, boundary);
    await client.transition(3, 'layer', 'group');
    await client.transition(3, 'state', 'first-level');
    expect(asked).toEqual([
      { type: 'transition', from: { layer: 7 }, to: { state: 3 }, level: 'group' },
      { type: 'transition', from: { state: 3 }, to: { layer: 7 }, level: 'first-level' },
    ]);
  });

  it('reads the other state in the same worker as the layer, with the settings given', async () => {
    const { worker, asked } = recordingWorker();
    const client = landUseFiguresClient(worker, 2, boundary);
    const files = [new File(['x'], 'plan.zip')];
    await client.readState(files, { encoding: 'gbk' });
    expect(asked).toEqual([{ type: 'state', files, settings: { encoding: 'gbk' } }]);
    expect(client.worker).toEqual({ client: worker, layer: 2 });
  });
});
