/** Reads a stored (method 0) ZIP archive through its central directory, as unzip does; checks each CRC with zlib's. */
import { crc32 } from 'node:zlib';

export interface ZipRead {
  name: string;
  data: Uint8Array;
  flags: number;
}

export function readZip(zip: Uint8Array): ZipRead[] {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const endAt = zip.length - 22;
  if (v.getUint32(endAt, true) !== 0x06054b50) throw new Error('no end of central directory');
  const count = v.getUint16(endAt + 10, true);
  let p = v.getUint32(endAt + 16, true);
  const out: ZipRead[] = [];
  for (let i = 0; i < count; i++) {
    if (v.getUint32(p, true) !== 0x02014b50) throw new Error(`no central header ${i}`);
    const flags = v.getUint16(p + 8, true);
    if (v.getUint16(p + 10, true) !== 0) throw new Error('not stored');
    const crc = v.getUint32(p + 16, true);
    const size = v.getUint32(p + 20, true);
    const nameLen = v.getUint16(p + 28, true);
    const local = v.getUint32(p + 42, true);
    const name = new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLen));
    if (v.getUint32(local, true) !== 0x04034b50) throw new Error(`no local header for ${name}`);
    const localNameLen = v.getUint16(local + 26, true);
    const data = zip.subarray(local + 30 + localNameLen, local + 30 + localNameLen + size);
    if (crc32(data) !== crc) throw new Error(`CRC of ${name} does not match`);
    out.push({ name, data, flags });
    p += 46 + nameLen;
  }
  return out;
}
