import { readFileSync } from 'node:fs';
import { kinks } from '@turf/turf';
for (const f of ['subdistricts','structure','blue-green','construction','boundary','context']) {
  const fc = JSON.parse(readFileSync(`geodata/${f}.geojson`,'utf8'));
  for (const feat of fc.features) {
    if (!/Polygon/.test(feat.geometry.type)) continue;
    const k = kinks(feat);
    if (k.features.length) console.log(f, feat.properties.id, k.features.length, JSON.stringify(k.features[0].geometry.coordinates));
  }
}
