/**
 * Database files among a delivery: GeoPackages (read with sql.js, loaded only when one is present) and the
 * geodatabases a browser cannot read (File Geodatabase folders, Personal Geodatabase .mdb), which get a message
 * on how to export them. Names inside zips are listed without unpacking anything. Pure, never throws.
 */
import { unzipSync } from 'fflate';
import type { InputFile } from './collect-files.js';
import type { LandUseIssue } from './landuse-issues.js';

const GDB_TABLE = /(^|\/)a[0-9a-f]{8}\.(gdbtable|gdbtablx|gdbindexes|freelist|atx|spx)$/i;
const MDB_SIGNATURES = ['Standard Jet DB', 'Standard ACE DB'];

/** The names of a file, or of every entry of a zip (nothing is decompressed). */
function entryNames(file: InputFile): string[] {
  const isZip = file.name.toLowerCase().endsWith('.zip') || (file.bytes[0] === 0x50 && file.bytes[1] === 0x4b);
  if (!isZip) return [file.name];
  const names: string[] = [];
  try {
    // The filter sees every entry's name and decompresses none.
    unzipSync(file.bytes, { filter: (entry) => (names.push(entry.name), false) });
  } catch {
    // A damaged zip is reported by the normal reader.
  }
  return names;
}

/**
 * Recognises a delivery that is a File Geodatabase (a `.gdb` folder, loose or zipped: `a00000001.gdbtable`…)
 * or a Personal Geodatabase (`.mdb`), neither of which a browser can read, and says how to export it.
 * @param files - the files as given (zips are listed, not unpacked)
 * @returns an error naming the database and the way to export it, or null when there is none
 */
export function recogniseUnreadable(files: readonly InputFile[]): LandUseIssue | null {
  for (const file of files) {
    const head = new TextDecoder('latin1').decode(file.bytes.subarray(4, 19));
    if (/\.(mdb|accdb)$/i.test(file.name) || MDB_SIGNATURES.includes(head)) {
      return { code: 'mdb-unsupported', severity: 'error', file: file.name, params: { name: file.name.split('/').pop() ?? file.name } };
    }
    for (const name of entryNames(file)) {
      if (/\.(mdb|accdb)$/i.test(name)) return { code: 'mdb-unsupported', severity: 'error', file: file.name, params: { name: name.split('/').pop() ?? name } };
      const parts = name.split('/');
      const folder = parts.slice(0, -1).reverse().find((part) => /\.gdb$/i.test(part));
      if (folder || GDB_TABLE.test(name) || (parts[parts.length - 1] === 'gdb' && parts.length > 1)) {
        return { code: 'filegdb-unsupported', severity: 'error', file: file.name, params: { name: folder ?? parts[parts.length - 2] ?? file.name } };
      }
    }
  }
  return null;
}

/**
 * Whether the files hold a GeoPackage (a `.gpkg`, loose or in a zip), so that SQLite must be loaded to read them.
 * @param files - the files as given
 */
export function hasGeoPackage(files: readonly InputFile[]): boolean {
  return files.some((file) => entryNames(file).some((name) => /\.gpkg$/i.test(name)));
}
