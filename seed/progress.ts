/**
 * A one-line progress bar for terminals. It stays silent for quick imports (it first draws
 * after half a second) and when the stream is not a TTY, so pipes and --json output stay clean.
 */
export interface ProgressBar {
  update(done: number, total: number): void;
  done(): void;
}

const DELAY_MS = 500;
const WIDTH = 30;

export function createProgressBar(
  stream: NodeJS.WriteStream,
  label: string,
  now: () => number = Date.now,
): ProgressBar {
  const started = now();
  let drawn = false;
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  return {
    update(done, total) {
      if (total === 0 || now() - started < DELAY_MS) return;
      const filled = Math.round((done / total) * WIDTH);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total}`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\n');
    },
  };
}
