import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { storeConformance } from './conformance.js';
import { SqliteDriver } from './sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-sqlite-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeConformance({
  name: 'sqlite',
  freshDriver: async () => new SqliteDriver(join(dir, `store-${n++}.db`)),
});
