import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { ParleyError } from '../../core/index.js';
import { formatSituationText } from '../../situation/index.js';
import { openStore, situationOf } from '../../store/index.js';
import { action } from '../run.js';
import { describeStore, formatIngestSummary, ingestPaths, storeLocation } from './store.js';

/** The bundled example articles (`<slug>.txt`, dated by `<slug>.gold.json` document.published). */
export const EXAMPLE_ARTICLES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'fixtures', 'articles');

/** Registers `parley start` (what `npm start` runs): ingest the example articles and show the situation. */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('ingest the bundled example articles into the store and print the situation and a summary')
    .option('--db <store>', 'store: a SQLite file or a postgres:// URL (default $PARLEY_DB or ./parley.db)')
    .option('--articles <folder>', 'articles to ingest instead of the bundled examples')
    .action(action(async (opts: { db?: string; articles?: string }) => {
      const folder = opts.articles ?? EXAMPLE_ARTICLES;
      if (!existsSync(folder)) throw new ParleyError('FILE_NOT_FOUND', `no example articles at ${folder}`);
      const loc = storeLocation(opts.db);
      const store = await openStore(loc);
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
      } finally {
        await store.close();
      }
    }));
}
