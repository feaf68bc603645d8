import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { ParleyError } from '../core/index.js';
import { MAX_DOCUMENT_BYTES } from '../ingest/index.js';

/** Reads a whole file (or stdin for '-') as bytes, refusing missing files, folders and inputs over `limit` bytes. */
export function readInput(path: string, limit = MAX_DOCUMENT_BYTES): Uint8Array {
  if (path === '-') return readStdin(limit);
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new ParleyError('BAD_INPUT', `${path} is a folder, not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof ParleyError) throw e;
    throw new ParleyError('FILE_NOT_FOUND', `cannot read ${path}: no such file`, { cause: e });
  }
  if (size > limit) {
    throw new ParleyError('TOO_LARGE', `${path} is ${(size / 1048576).toFixed(1)} MB; the limit is ${(limit / 1048576).toFixed(0)} MB per input (use --input jsonl for many articles)`);
  }
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

function readStdin(limit: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.alloc(1 << 16);
  for (;;) {
    let n = 0;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EOF') break;
      throw new ParleyError('BAD_INPUT', `cannot read standard input: ${(e as Error).message}`, { cause: e });
    }
    if (n === 0) break;
    total += n;
    if (total > limit) throw new ParleyError('TOO_LARGE', `standard input is larger than ${(limit / 1048576).toFixed(0)} MB`);
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}
