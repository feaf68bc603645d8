import type { Command } from 'commander';

/** Registers `parley start` (what `npm start` runs). Placeholder until the store issue lands. */
export function registerStart(_program: Command): void {}
