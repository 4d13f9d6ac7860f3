// Objects kept for the life of the thread so that their hidden classes are never collected.
//
// V8 compiles the hottest functions for the hidden classes ("maps") of the objects they see, and holds
// those maps weakly: a map that no live object has any more goes at the next full collection, and every
// function compiled against it is thrown away and compiled again ("deoptimization: weak objects" in
// `node --trace-deopt`). The objects of a file (its tree's nodes, its outline scanner) all die between two
// files, and a bulk run collects fully every 1 MB of source (`releaseTrees` in runner.ts): on the stdlib,
// the hottest functions were compiled about 100 times more than needed. One object of each such class,
// made once and kept here, keeps its map alive.

const kept: unknown[] = [];

/** Keep `sample` (and so its hidden class) alive for the life of this thread; returns it. */
export function keepShape<T>(sample: T): T {
  kept.push(sample);
  return sample;
}
