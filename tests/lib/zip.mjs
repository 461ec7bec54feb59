// Reads the entries of a ZIP archive (XLSX, DOCX) from its central directory, with node:zlib.
import { inflateRawSync } from 'node:zlib';

export function unzip(buffer) {
    const entries = new Map();
    let end = buffer.length - 22;
    while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) --end;
    if (end < 0) throw new Error('not a ZIP archive');
    const count = buffer.readUInt16LE(end + 10);
    let at = buffer.readUInt32LE(end + 16);
    for (let i = 0; i < count; ++i) {
        if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error('broken central directory');
        const method = buffer.readUInt16LE(at + 10);
        const size = buffer.readUInt32LE(at + 20);
        const nameLength = buffer.readUInt16LE(at + 28);
        const extra = buffer.readUInt16LE(at + 30);
        const comment = buffer.readUInt16LE(at + 32);
        const local = buffer.readUInt32LE(at + 42);
        const name = buffer.subarray(at + 46, at + 46 + nameLength).toString('utf8');
        const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
        const data = buffer.subarray(start, start + size);
        entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
        at += 46 + nameLength + extra + comment;
    }
    return entries;
}
