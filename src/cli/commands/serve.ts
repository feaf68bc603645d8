import type { Command } from 'commander';

/** Registers the serve command(s). Placeholder until that issue lands. */
export function registerServe(_program: Command): void {}
