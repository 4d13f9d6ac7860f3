#!/usr/bin/env node
// Less inlining for V8's optimising compiler, set before any code is hot: withify's hot functions are
// compiled again in every worker thread, and with the default budget compiling cost more than the
// inlined code saved (docs/reports.md, "Figures"). The library (`run`, `transformSource`) leaves the
// flags of its host process alone.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--max-inlined-bytecode-size-cumulative=150');

const { main } = await import('../dist/bundle/cli.js');
main().catch((err) => {
  process.stderr.write(`withify: internal error: ${err && err.stack ? err.stack : err}\n`);
  process.exitCode = 2;
});
