/**
 * The handout's atlas pages: each cluster drawn once (fitted on the map), with its blue-green and construction
 * shares against the targets (or why the basis does not decide them) and the projects inside it.
 */
import type { AppServices } from '../shell/services.ts';
import type { Lang } from '../../i18n/messages.ts';
import { featureName } from '../../i18n/feature-name.ts';
import { fitFeatureNow } from '../../map/camera.ts';
import { snapshotDataUrl } from '../../map/map-element.ts';
import { regionContents } from '../../core/context/containing-regions.ts';
import { undecidedReason } from '../../ui/components/figure-verdict.ts';
import type { HandoutClusterPage } from './handout.ts';

export async function clusterPages({ store, view }: AppServices, lang: Lang): Promise<HandoutClusterPage[]> {
  const pages: HandoutClusterPage[] = [];
  const data = store.getState().data;
  for (const cluster of (data.structure?.features ?? []).filter((feature) => feature.properties?.['kind'] === 'cluster')) {
    await fitFeatureNow(view, cluster);
    const { analysis } = store.getState();
    const row = analysis.clusters.find((item) => item.id === cluster.properties?.['id']);
    const figures = row?.result.ok ? {
      blueGreen: row.result.figures.blueGreenRatio, blueGreenPass: row.result.figures.blueGreenTarget.pass,
      construction: row.result.figures.constructionRatio, constructionPass: row.result.figures.constructionTarget.pass,
      reason: undecidedReason(lang, analysis.basis, row.result.figures),
    } : null;
    pages.push({
      kind: 'cluster', title: featureName(cluster, lang), theme: String(cluster.properties?.[`theme_${lang}`] ?? ''),
      image: snapshotDataUrl(view), figures, projects: regionContents(cluster, { projects: data.projects, crossings: data.crossings }).projects,
      ...(row?.result.ok && row.result.figures.landUse?.structure ? { structure: row.result.figures.landUse.structure } : {}),
      ...(row?.result.ok && row.result.figures.landUse?.conflicts ? { conflicts: row.result.figures.landUse.conflicts } : {}),
    });
  }
  return pages;
}
