import type { Command } from 'commander';

/** Registers the eval command(s). Placeholder until that issue lands. */
export function registerEval(_program: Command): void {}
