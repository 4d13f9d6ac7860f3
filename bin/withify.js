#!/usr/bin/env node
import { main } from '../dist/src/cli.js';

main().catch((err) => {
  process.stderr.write(`withify: internal error: ${err && err.stack ? err.stack : err}\n`);
  process.exitCode = 2;
});
