import type { Command } from 'commander';

/** Registers the store command(s). Placeholder until that issue lands. */
export function registerStore(_program: Command): void {}
