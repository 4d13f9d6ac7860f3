// Preloaded into a measured child (`node --import .../rss-hook.js`): on exit, write the process's peak
// resident set size in KB (worker threads included: they share the process) to $WITHIFY_BENCH_RSS.
import { writeFileSync } from 'node:fs';

const out = process.env.WITHIFY_BENCH_RSS;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
