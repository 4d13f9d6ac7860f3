// The progress line on stderr for long runs: files done of total, rate, time left. Only for a person at a
// terminal: never when stderr is not a TTY (CI logs, pipes) or with --quiet.
import { createRequire } from 'node:module';
import type cliProgressModule from 'cli-progress';

// Loaded only when a bar is shown: most runs (CI, pipes, --quiet) never pay for it.
const require = createRequire(import.meta.url);

export interface ProgressDecision {
  /** `process.stderr.isTTY`. */
  isTTY: boolean | undefined;
  quiet: boolean;
}

export function shouldShowProgress(d: ProgressDecision): boolean {
  return d.isTTY === true && !d.quiet;
}

export interface Progress {
  update(done: number, total: number): void;
  /** Clears the line, so the report starts on a clean terminal. */
  stop(): void;
}

const NONE: Progress = { update: () => undefined, stop: () => undefined };

export function createProgress(d: ProgressDecision, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!shouldShowProgress(d)) return NONE;
  const started = Date.now();
  const cliProgress = require('cli-progress') as typeof cliProgressModule;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'withify {bar} {value}/{total} files | {rate} files/s | {eta_formatted} left',
      clearOnComplete: true,
      hideCursor: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let begun = false;
  return {
    update(done, total) {
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? (done / seconds).toFixed(0) : '0';
      if (!begun) {
        bar.start(total, done, { rate });
        begun = true;
      } else bar.update(done, { rate });
    },
    stop() {
      if (begun) bar.stop();
    },
  };
}
