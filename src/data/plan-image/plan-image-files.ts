/**
 * Finds a plan image among dropped or chosen files: the image (PNG or JPEG), its world file and its .prj, given
 * loose or in a zip. Pairs them by base name (`plan.png` + `plan.pgw` + `plan.prj`), else takes the only world
 * file and the only .prj there are. Never throws: what is missing or wrong comes back as an issue.
 */
import { unzipSync } from 'fflate';
import { imageSize, type ImageFormat } from './image-size.ts';

/** Images we can draw (the browser decodes PNG and JPEG everywhere). */
const DRAWABLE = /\.(png|jpe?g)$/i;
/** Images a plan is often exported as that we cannot draw: named in the message, so the planner can export again. */
const OTHER_IMAGE = /\.(tiff?|bmp|gif|webp|jp2|ecw|sid)$/i;
/** World file extensions: `.pgw` `.pngw` `.jgw` `.jpgw` `.jpegw` `.tfw` `.tifw` `.gfw` `.bpw` `.wld`. */
const WORLD = /\.(pgw|pngw|jgw|jpgw|jpegw|tfw|tifw|tiffw|gfw|bpw|wld)$/i;
const PRJ = /\.prj$/i;
const SHAPEFILE_OR_DATABASE = /\.(shp|dbf|shx|gpkg|mdb|gdbtable|geojson|json)$/i;

/** One file as given (or read from a zip). */
export interface PlanImageInput {
  name: string;
  data: Blob;
}

/** The parts of a plan image, the image checked and measured from its header. */
export interface PlanImageFiles {
  /** the image's file name (without any folder) */
  name: string;
  image: Blob;
  format: ImageFormat;
  width: number;
  height: number;
  /** the world file's text and name, or null */
  world: { name: string; text: string } | null;
  /** the .prj's text, or null */
  prj: string | null;
}

export type PlanImageFilesIssue =
  /** no PNG or JPEG among the files */
  | { code: 'no-image' }
  /** an image in a format that is not drawn (TIFF, BMP…) */
  | { code: 'image-format'; name: string }
  /** a .png / .jpg whose bytes are not a PNG or JPEG (or end before its size) */
  | { code: 'image-unreadable'; name: string }
  /** more than one image: one plan image at a time */
  | { code: 'several-images'; count: number };

export type PlanImageFilesResult = { ok: true; files: PlanImageFiles } | { ok: false; issue: PlanImageFilesIssue };

const baseName = (name: string) => (name.split('/').pop() ?? name).replace(/\.[^.]*$/, '').toLowerCase();
const fileName = (name: string) => name.split('/').pop() ?? name;
const isZip = (name: string) => /\.zip$/i.test(name);

/**
 * Whether files dropped on the map are a plan image (an image, with or without its world file and .prj, loose
 * or zipped) rather than a land-use layer or GeoJSON. A zip is looked into.
 */
export async function isPlanImageDrop(files: readonly PlanImageInput[]): Promise<boolean> {
  const names: string[] = [];
  for (const file of files) {
    if (isZip(file.name)) names.push(...zipNames(new Uint8Array(await file.data.arrayBuffer())));
    else names.push(file.name);
  }
  if (names.some((name) => SHAPEFILE_OR_DATABASE.test(name))) return false;
  return names.some((name) => DRAWABLE.test(name) || OTHER_IMAGE.test(name));
}

function zipNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  try {
    unzipSync(bytes, { filter: (entry) => {
      names.push(entry.name);
      return false;
    } });
  } catch {
    // not a zip we can read: no names
  }
  return names;
}

/** The files with any zip opened (only the entries a plan image uses are decompressed). */
async function expand(files: readonly PlanImageInput[]): Promise<PlanImageInput[]> {
  const out: PlanImageInput[] = [];
  for (const file of files) {
    if (!isZip(file.name)) {
      out.push(file);
      continue;
    }
    try {
      const entries = unzipSync(new Uint8Array(await file.data.arrayBuffer()), {
        filter: (entry) => DRAWABLE.test(entry.name) || OTHER_IMAGE.test(entry.name) || WORLD.test(entry.name) || PRJ.test(entry.name),
      });
      for (const [name, bytes] of Object.entries(entries)) if (!name.endsWith('/')) out.push({ name, data: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
    } catch {
      // an unreadable zip adds nothing; "no image" says so
    }
  }
  return out;
}

/** The one of `candidates` with `base` as base name, else the only one, else null. */
function partner(candidates: readonly PlanImageInput[], base: string): PlanImageInput | null {
  return candidates.find((file) => baseName(file.name) === base || baseName(file.name) === `${base}.png` || baseName(file.name) === `${base}.jpg`)
    ?? (candidates.length === 1 ? candidates[0]! : null);
}

async function text(blob: Blob): Promise<string> {
  return new TextDecoder('utf-8').decode(await blob.arrayBuffer()).replace(/^\uFEFF/, '');
}

/**
 * The plan image among `files` with its world file and .prj.
 * @param files - dropped or chosen files; zips are opened
 */
export async function planImageFiles(files: readonly PlanImageInput[]): Promise<PlanImageFilesResult> {
  const all = await expand(files);
  const images = all.filter((file) => DRAWABLE.test(file.name));
  if (images.length === 0) {
    const other = all.find((file) => OTHER_IMAGE.test(file.name));
    return { ok: false, issue: other ? { code: 'image-format', name: fileName(other.name) } : { code: 'no-image' } };
  }
  if (images.length > 1) return { ok: false, issue: { code: 'several-images', count: images.length } };
  const image = images[0]!;
  const name = fileName(image.name);
  // a JPEG's size may follow its metadata (EXIF, thumbnails): read up to 1 MB of header
  const size = imageSize(new Uint8Array(await image.data.slice(0, 1 << 20).arrayBuffer()));
  if (!size.ok) return { ok: false, issue: { code: 'image-unreadable', name } };
  const base = baseName(image.name);
  const worldFile = partner(all.filter((file) => WORLD.test(file.name)), base);
  const prjFile = partner(all.filter((file) => PRJ.test(file.name)), base);
  const type = size.format === 'png' ? 'image/png' : 'image/jpeg';
  return {
    ok: true,
    files: {
      name,
      image: image.data.type === type ? image.data : image.data.slice(0, image.data.size, type),
      format: size.format,
      width: size.width,
      height: size.height,
      world: worldFile ? { name: fileName(worldFile.name), text: await text(worldFile.data) } : null,
      prj: prjFile ? (await text(prjFile.data)).trim() : null,
    },
  };
}
