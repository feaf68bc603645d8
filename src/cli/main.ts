import { Command, CommanderError } from 'commander';
import { reportError } from './run.js';
import { registerExtract } from './commands/extract.js';
import { registerEval } from './commands/eval.js';
import { registerStore } from './commands/store.js';
import { registerServe } from './commands/serve.js';
import { registerStart } from './commands/start.js';

/** Builds the `parley` command line. */
export function buildProgram(): Command {
  const program = new Command('parley')
    .description('Parley: news articles in, PLOVER events with evidence, modality and attribution out')
    .version('0.1.0')
    .showHelpAfterError('(run parley --help for usage)')
    .exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s.startsWith('error:') ? `parley: ${s}` : s) });
  registerExtract(program);
  registerEval(program);
  registerStore(program);
  registerServe(program);
  registerStart(program);
  return program;
}

async function main(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    process.exitCode = reportError(e);
  }
}

process.on('uncaughtException', (e) => {
  process.exitCode = reportError(e);
  process.exit();
});
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

await main();
