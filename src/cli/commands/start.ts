import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { ParleyError } from '../../core/index.js';
import { formatSituationText } from '../../situation/index.js';
import { openStore, situationOf } from '../../store/index.js';
import { action } from '../run.js';
import { portOption, serveStore } from './serve.js';
import { describeStore, formatIngestSummary, ingestPaths, storeLocation } from './store.js';

/** The bundled example articles (`<slug>.txt`, dated by `<slug>.gold.json` document.published). */
export const EXAMPLE_ARTICLES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'fixtures', 'articles');

/**
 * Registers `parley start` (what `npm start` runs): ingest the example articles, show the situation,
 * then serve the API and the web UI on the same store (unless --no-serve).
 */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('ingest the bundled example articles into the store, print the situation and a summary, then serve the web UI')
    .option('--db <store>', 'store: a SQLite file or a postgres:// URL (default $PARLEY_DB or ./parley.db)')
    .option('--articles <folder>', 'articles to ingest instead of the bundled examples')
    .option('--no-serve', 'stop after ingesting (do not serve the API and the web UI)')
    .option('--port <port>', 'port of the web UI and API (0 picks a free one)', '8080')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .action(action(async (opts: { db?: string; articles?: string; serve: boolean; port?: string; host?: string }) => {
      const folder = opts.articles ?? EXAMPLE_ARTICLES;
      if (!existsSync(folder)) throw new ParleyError('FILE_NOT_FOUND', `no example articles at ${folder}`);
      if (opts.serve) portOption(opts.port);
      const loc = storeLocation(opts.db);
      const store = await openStore(loc);
      let serving = false;
      try {
        const summary = await ingestPaths(store, [folder], {
          progress: true,
          onSkip: (m) => process.stderr.write(`parley: ${m}\n`),
        });
        const situation = await situationOf(store);
        const counts = await store.counts();
        process.stdout.write(`${formatSituationText(situation)}\n\n`);
        process.stdout.write(`${formatIngestSummary(summary, describeStore(loc))}\n`);
        process.stdout.write(
          `store holds ${counts.documents} documents, ${counts.eventMentions} event mentions, ${counts.mergedEvents} merged events, ${counts.entities} entities` +
            ` (from ${relative(process.cwd(), folder) || '.'}); try: parley events --db ${describeStore(loc)} --format csv\n`,
        );
        if (opts.serve) {
          serving = true;
          await serveStore(store, loc, { ...(opts.port ? { port: opts.port } : {}), ...(opts.host ? { host: opts.host } : {}) });
        }
      } finally {
        if (!serving) await store.close();
      }
    }));
}
