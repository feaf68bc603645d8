import { afterAll, describe, it } from 'vitest';
import pg from 'pg';
import { storeConformance } from './conformance.js';
import { PostgresDriver } from './postgres.js';

/** Set PARLEY_TEST_PG to a postgres:// URL (CI does) to run the conformance suite on PostgreSQL. */
const url = process.env.PARLEY_TEST_PG;

if (!url) {
  describe.skip('store conformance: postgres (PARLEY_TEST_PG is not set)', () => {
    it('skipped', () => undefined);
  });
} else {
  const run = `t${process.pid}_${Date.now().toString(36)}`;
  const schemas: string[] = [];
  afterAll(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await client.end();
  });
  storeConformance({
    name: 'postgres',
    freshDriver: async () => {
      const schema = `${run}_${schemas.length}`;
      schemas.push(schema);
      return new PostgresDriver(`${url}${url.includes('?') ? '&' : '?'}schema=${schema}`);
    },
  });
}
