/**
 * The entry names of a zip, read from its central directory at the end of the file: only the last 64 KB and the
 * directory are read, never the whole archive (a land-use delivery dropped on the map may be hundreds of MB).
 * Never throws: anything it cannot read (not a zip, ZIP64, a cut file) gives no names.
 */

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** The end-of-central-directory record: 22 bytes, then a comment of up to 65 535 bytes. */
const END_RECORD = 22;
const MAX_COMMENT = 0xffff;

export async function zipEntryNames(blob: Blob): Promise<string[]> {
  try {
    if (blob.size < END_RECORD) return [];
    const tailSize = Math.min(blob.size, END_RECORD + MAX_COMMENT);
    const tail = new Uint8Array(await blob.slice(blob.size - tailSize).arrayBuffer());
    const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
    let end = -1;
    for (let index = tail.length - END_RECORD; index >= 0; index--) {
      if (view.getUint32(index, true) === END_OF_DIRECTORY) {
        end = index;
        break;
      }
    }
    if (end === -1) return [];
    const count = view.getUint16(end + 10, true);
    const size = view.getUint32(end + 12, true);
    const offset = view.getUint32(end + 16, true);
    // ZIP64 marks these as all ones; a plan image is never one
    if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff || offset + size > blob.size) return [];
    const directory = new Uint8Array(await blob.slice(offset, offset + size).arrayBuffer());
    const entries = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
    const decoder = new TextDecoder('utf-8');
    const names: string[] = [];
    let at = 0;
    for (let entry = 0; entry < count && at + 46 <= directory.length; entry++) {
      if (entries.getUint32(at, true) !== DIRECTORY_ENTRY) break;
      const nameLength = entries.getUint16(at + 28, true);
      const extraLength = entries.getUint16(at + 30, true);
      const commentLength = entries.getUint16(at + 32, true);
      // names are UTF-8 or a local code page; only their ASCII extensions are looked at
      names.push(decoder.decode(directory.subarray(at + 46, at + 46 + nameLength)));
      at += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  } catch {
    return [];
  }
}
