// One answer per owner (a file's context, a tree) and key, computed on the first question: the caches that
// keep a file of thousands of assignments or resource calls from asking the same thing again.
export function memoized<O extends object, K, V>(table: WeakMap<O, Map<K, V>>, owner: O, key: K, compute: () => V): V {
  let answers = table.get(owner);
  if (!answers) table.set(owner, (answers = new Map()));
  if (answers.has(key)) return answers.get(key) as V;
  const value = compute();
  answers.set(key, value);
  return value;
}
