/**
 * The files of a drop, folders included: a county's delivery is often a folder (三调成果/DLTB.shp, XZQ.shp …),
 * and a dropped folder reaches the page as one entry whose files must be read through the File and Directory
 * Entries API. Each file keeps its path inside the drop as its name (`三调成果/DLTB.shp`), so layers of the same
 * name in different folders stay apart. Plain file drops come back as they are.
 */

/** Files and folders are read at most this deep (a delivery nests two or three levels). */
const MAX_DEPTH = 8;

function fileOf(entry: FileSystemFileEntry): Promise<File | null> {
  return new Promise((resolve) => entry.file((file) => resolve(file), () => resolve(null)));
}

function entriesOf(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries answers in batches (Chromium: 100 at a time) until it answers with none.
  return new Promise((resolve) => {
    const all: FileSystemEntry[] = [];
    const next = () => reader.readEntries((batch) => {
      if (batch.length === 0) resolve(all);
      else {
        all.push(...batch);
        next();
      }
    }, () => resolve(all));
    next();
  });
}

async function collect(entry: FileSystemEntry, path: string, depth: number, out: File[]): Promise<void> {
  if (entry.isFile) {
    const file = await fileOf(entry as FileSystemFileEntry);
    if (file) out.push(path === file.name ? file : new File([file], path, { type: file.type, lastModified: file.lastModified }));
  } else if (entry.isDirectory && depth < MAX_DEPTH) {
    for (const child of await entriesOf((entry as FileSystemDirectoryEntry).createReader())) await collect(child, `${path}/${child.name}`, depth + 1, out);
  }
}

/**
 * Every file of a drop, with folders read through. Never rejects: an unreadable entry is left out.
 * @param transfer - the drop's DataTransfer
 */
export async function droppedFiles(transfer: DataTransfer): Promise<File[]> {
  const entries = [...transfer.items].map((item) => (item.kind === 'file' ? item.webkitGetAsEntry?.() ?? null : null));
  if (!entries.some((entry) => entry?.isDirectory)) return [...transfer.files];
  const out: File[] = [];
  for (const entry of entries) if (entry) await collect(entry, entry.name, 0, out);
  return out;
}
