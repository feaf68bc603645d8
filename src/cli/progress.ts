import cliProgress from 'cli-progress';

/** A byte-progress bar on stderr when stderr is a terminal and the total is known; otherwise null. */
export function progressBar(total: number): { update(n: number): void; stop(): void } | null {
  if (!process.stderr.isTTY || total <= 0) return null;
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'parley {bar} {percentage}% | {value}/{total} bytes | eta {eta}s', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (n) => bar.update(Math.min(n, total)), stop: () => bar.stop() };
}
