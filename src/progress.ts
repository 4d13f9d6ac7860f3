// The progress line on stderr for long runs: files done of total, rate, time left. Only for a person at a
// terminal: never when stderr is not a TTY (pipes, files), under CI (`CI` set, as GitHub Actions, GitLab and most runners
// set it, some giving the job a terminal), or with --quiet.
import { createRequire } from 'node:module';
import type cliProgressModule from 'cli-progress';
import type { ProgressPhase } from './runner.js';

// Loaded only when a bar is shown: most runs (CI, pipes, --quiet) never pay for it.
const require = createRequire(import.meta.url);

export interface ProgressDecision {
  /** `process.stderr.isTTY`. */
  isTTY: boolean | undefined;
  quiet: boolean;
  /** `process.env.CI`: a CI runner that gives the job a terminal still keeps a log (review rv55a). */
  ci?: string;
}

export function shouldShowProgress(d: ProgressDecision): boolean {
  const ci = d.ci !== undefined && d.ci !== '' && d.ci !== '0' && d.ci.toLowerCase() !== 'false';
  return d.isTTY === true && !d.quiet && !ci;
}

export interface Progress {
  /** `phase`: `'index'`, the first pass over every file (labelled "indexing"), or `'files'` (the default). */
  update(done: number, total: number, phase?: ProgressPhase): void;
  /** Clears the line, so the report starts on a clean terminal. */
  stop(): void;
}

const NONE: Progress = { update: () => undefined, stop: () => undefined };

export function createProgress(d: ProgressDecision, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!shouldShowProgress(d)) return NONE;
  const cliProgress = require('cli-progress') as typeof cliProgressModule;
  const newBar = () =>
    new cliProgress.SingleBar(
      {
        stream,
        format: 'withify {label}{bar} {value}/{total} files | {rate} files/s | {left} left',
        clearOnComplete: true,
        hideCursor: false,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
  // One bar per phase: its rate and time left count from the phase's start.
  let bar: InstanceType<typeof cliProgress.SingleBar> | undefined;
  let shown: ProgressPhase | undefined;
  let started = 0;
  return {
    update(done, total, phase = 'files') {
      if (phase !== shown) {
        bar?.stop();
        bar = newBar();
        shown = phase;
        started = Date.now();
        // (No rate yet, nor a time left: "0s left" with every file to do was wrong, review rv54a)
        bar.start(total, done, { rate: '?', left: '?', label: phase === 'index' ? 'indexing ' : '' });
        return;
      }
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      bar!.update(done, { rate: rate > 0 ? rate.toFixed(0) : '?', left: rate > 0 ? timeLeft((total - done) / rate) : '?' });
    },
    stop() {
      bar?.stop();
    },
  };
}

/** `42s`, `3m05s`, `1h02m`: the time left, as a person reads it. */
export function timeLeft(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
