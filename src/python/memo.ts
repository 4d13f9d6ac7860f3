// One answer per owner (a file's context, a tree) and key, computed on the first question: the caches that
// keep a file of thousands of assignments or resource calls from asking the same thing again. A text (a string,
// which no WeakMap takes) keeps one answer, for the last text asked (`lastTextMemo`).
export function memoized<O extends object, K, V>(table: WeakMap<O, Map<K, V>>, owner: O, key: K, compute: () => V): V {
  let answers = table.get(owner);
  if (!answers) table.set(owner, (answers = new Map()));
  if (answers.has(key)) return answers.get(key) as V;
  const value = compute();
  answers.set(key, value);
  return value;
}

/** `read(text)`, remembered for the last text asked: the checks of a file ask the same of its text again and again. */
export function lastTextMemo<T>(read: (text: string) => T): (text: string) => T {
  let last: string | undefined;
  let value: T;
  return (text) => {
    if (text !== last) {
      value = read(text);
      last = text;
    }
    return value;
  };
}

/** Adds `value` to the list `key` names in `lists` (a list made on the first value): an index of lists by key. */
export function pushTo<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}
