#!/usr/bin/env node
// V8 flags for the optimising compiler, set before any code is hot. Every worker thread compiles withify's
// hot functions again, on the same cores, so compiling less pays: less inlining, and a function is optimised
// only after 500,000 units of interpreter budget instead of 67,584 (only the truly hot ones are). On the
// stdlib at --jobs 2: 3.41 -> 3.10 s, CPU 6.4 -> 5.7 s; --jobs 1 unchanged (docs/reports.md, "Figures").
// The library (`run`, `transformSource`) leaves the flags of its host process alone.
import { setFlagsFromString } from 'node:v8';

// A Ctrl-C while the code below loads is kept for the command (cli.ts, `EarlyInterrupt`): a file run then reports
// that it began nothing and exits 130, with its report (`--format json` a whole document).
let interruptedEarly = false;
const onEarlyInterrupt = () => {
  interruptedEarly = true;
};
process.on('SIGINT', onEarlyInterrupt);

setFlagsFromString('--max-inlined-bytecode-size-cumulative=150');
setFlagsFromString('--interrupt-budget=500000');

const { main } = await import('../dist/bundle/cli.js');
main(undefined, {
  taken: () => {
    process.removeListener('SIGINT', onEarlyInterrupt);
    return interruptedEarly;
  },
}).catch((err) => {
  process.stderr.write(`withify: internal error: ${err && err.stack ? err.stack : err}\n`);
  process.exitCode = 2;
});
