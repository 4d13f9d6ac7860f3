// The closure `IndexChange` (src/cache.ts) asks of each file whose kept result was made with another project
// index: the words a file's check may come to look up through the aliases both indexes share. A run after an
// import was added to a module of a large project asks it of every file (11,555 in the third-party corpus of
// docs/reports.md), so it works on numbers: each word an id, each alias two runs of ids, and the sets of one
// file's closure arrays stamped with the file's turn, which need no clearing between files.
import { isAsciiWordChar } from './python/text.js';

/** An alias as the closure reads it: its components (`pkg.core.rows` → `pkg`, `core`, `rows`) and its target's. */
export type AliasParts = readonly [components: readonly string[], target: readonly string[]];

const ASCII_LIMIT = 0x80;
// Ex) `def réa_rows():`: the word as Python reads it, besides the ASCII runs a pattern's `\b` sees in it
const UNICODE_WORDS = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]+/gu;

const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a of the UTF-16 code units of `text` from `from` up to `to`, as the scan of `AliasClosure.close` makes it. */
function hashOf(text: string, from: number, to: number): number {
  let hash = FNV_BASIS;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** Of each ASCII character: 1 for `A`–`Z`, `a`–`z` and `_` (a word starts with one), 2 for a digit (only continues one), else 0. */
const WORD_CHARACTER = new Uint8Array(ASCII_LIMIT);
for (let c = 0; c < ASCII_LIMIT; c++) WORD_CHARACTER[c] = !isAsciiWordChar(c) ? 0 : c >= 48 && c <= 57 ? 2 : 1;

/**
 * The least set of words holding a file's own words and, for each alias whose every component it holds, the
 * components of the alias's target: what generator-close can look up in a project index from that file.
 */
export class AliasClosure {
  private readonly ids = new Map<string, number>();
  /** The components of alias `a` are `parts[partAt[a]]` up to `parts[targetAt[a]]`, its target's from there up to `partAt[a + 1]`. */
  private readonly parts: Int32Array;
  private readonly partAt: Int32Array;
  private readonly targetAt: Int32Array;
  /** The aliases whose rarest component is word `w`: `byRare[rareAt[w]]` up to `byRare[rareAt[w + 1]]`. */
  private readonly byRare: Int32Array;
  private readonly rareAt: Int32Array;
  /** Whether word `w` is a component of an alias: only those of a file's words can start a closure. */
  private readonly component: Uint8Array;
  /** Word `w` is in the current file's closure when `knownIn[w]` is its turn; the aliases waiting on it likewise. */
  private readonly knownIn: Int32Array;
  private readonly waitingIn: Int32Array;
  /** The first alias waiting on word `w` (`waitingIn[w]` being the turn), then each one's next (`nextWaiting`). */
  private readonly firstWaiting: Int32Array;
  private readonly nextWaiting: Int32Array;
  private readonly queue: Int32Array;
  /**
   * The components by a hash of their characters (`hashOf`), open addressing: slot `s` holds a component's id + 1,
   * or 0. A file's words are looked up as they are scanned, no string made for one that is no component.
   */
  private readonly slots: Int32Array;
  private readonly words: string[];
  private readonly hashes: Int32Array;
  private turn = 0;

  constructor(aliases: readonly AliasParts[]) {
    const idOf = (w: string) => {
      let id = this.ids.get(w);
      if (id === undefined) this.ids.set(w, (id = this.ids.size));
      return id;
    };
    let size = 0;
    for (const [components, target] of aliases) size += components.length + target.length;
    this.parts = new Int32Array(size);
    this.partAt = new Int32Array(aliases.length + 1);
    this.targetAt = new Int32Array(aliases.length);
    let at = 0;
    aliases.forEach(([components, target], a) => {
      this.partAt[a] = at;
      for (const p of components) this.parts[at++] = idOf(p);
      this.targetAt[a] = at;
      for (const p of target) this.parts[at++] = idOf(p);
    });
    this.partAt[aliases.length] = at;
    const words = this.ids.size;
    this.component = new Uint8Array(words);
    const counts = new Int32Array(words);
    for (let a = 0; a < aliases.length; a++) {
      for (let i = this.partAt[a]!; i < this.targetAt[a]!; i++) {
        this.component[this.parts[i]!] = 1;
        counts[this.parts[i]!]!++;
      }
    }
    // Each alias under its component fewest others have: a file that does not say it never looks at the alias
    const rarest = new Int32Array(aliases.length);
    this.rareAt = new Int32Array(words + 1);
    for (let a = 0; a < aliases.length; a++) {
      let best = this.parts[this.partAt[a]!]!;
      for (let i = this.partAt[a]! + 1; i < this.targetAt[a]!; i++) if (counts[this.parts[i]!]! < counts[best]!) best = this.parts[i]!;
      rarest[a] = best;
      this.rareAt[best + 1]!++;
    }
    for (let w = 0; w < words; w++) this.rareAt[w + 1]! += this.rareAt[w]!;
    this.byRare = new Int32Array(aliases.length);
    const filled = this.rareAt.slice(0, words);
    for (let a = 0; a < aliases.length; a++) this.byRare[filled[rarest[a]!]!++] = a;
    this.knownIn = new Int32Array(words);
    this.waitingIn = new Int32Array(words);
    this.firstWaiting = new Int32Array(words);
    this.nextWaiting = new Int32Array(aliases.length);
    this.queue = new Int32Array(words);
    this.words = [...this.ids.keys()];
    this.hashes = new Int32Array(words);
    let slots = 16;
    while (slots < 2 * words) slots *= 2;
    this.slots = new Int32Array(slots);
    this.words.forEach((word, w) => {
      if (this.component[w] !== 1) return;
      const hash = (this.hashes[w] = hashOf(word, 0, word.length));
      let s = hash & (slots - 1);
      while (this.slots[s] !== 0) s = (s + 1) & (slots - 1);
      this.slots[s] = w + 1;
    });
  }

  /**
   * The closure of `own` and of the words of `text` that are components of an alias (every run of ASCII letters,
   * digits and `_` that starts with no digit, and in a text with other characters every run of Unicode letters,
   * digits and connectors: any identifier of the file is one of them). The answer, `knows(word)`, holds until the
   * next call; it knows only the words of the aliases.
   */
  close(text: string, own: readonly string[]): (word: string) => boolean {
    const turn = ++this.turn;
    let queued = 0;
    const add = (w: number) => {
      if (this.knownIn[w] === turn) return;
      this.knownIn[w] = turn;
      this.queue[queued++] = w;
    };
    const addWord = (word: string) => {
      const w = this.ids.get(word);
      if (w !== undefined && this.component[w] === 1) add(w);
    };
    for (const word of own) {
      const w = this.ids.get(word);
      if (w !== undefined) add(w);
    }
    let other = false;
    const mask = this.slots.length - 1;
    // (The scan of every file of the project: written out, as the CLI's compiler flags inline little.)
    for (let i = 0, n = text.length; i < n; ) {
      const c = text.charCodeAt(i);
      if (c >= ASCII_LIMIT) other = true;
      if (c >= ASCII_LIMIT || WORD_CHARACTER[c] !== 1) {
        i++;
        continue;
      }
      const from = i;
      let hash = Math.imul(FNV_BASIS ^ c, FNV_PRIME);
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d >= ASCII_LIMIT || WORD_CHARACTER[d] === 0) break;
        hash = Math.imul(hash ^ d, FNV_PRIME);
      }
      const length = i - from;
      for (let s = hash & mask, w; (w = this.slots[s]!) !== 0; s = (s + 1) & mask) {
        const word = this.words[w - 1]!;
        if (this.hashes[w - 1] === hash && word.length === length && text.startsWith(word, from)) {
          if (this.knownIn[w - 1] !== turn) {
            this.knownIn[w - 1] = turn;
            this.queue[queued++] = w - 1;
          }
          break;
        }
      }
    }
    if (other) for (const m of text.matchAll(UNICODE_WORDS)) addWord(m[0]);
    // An alias is looked at when its rarest component is known, then waits on the first component still unknown
    // and is looked at again when that one is known: no more looks at an alias than it has components.
    const look = (a: number) => {
      for (let i = this.partAt[a]!, end = this.targetAt[a]!; i < end; i++) {
        const p = this.parts[i]!;
        if (this.knownIn[p] === turn) continue;
        this.nextWaiting[a] = this.waitingIn[p] === turn ? this.firstWaiting[p]! : -1;
        this.waitingIn[p] = turn;
        this.firstWaiting[p] = a;
        return;
      }
      for (let i = this.targetAt[a]!, end = this.partAt[a + 1]!; i < end; i++) add(this.parts[i]!);
    };
    while (queued > 0) {
      const w = this.queue[--queued]!;
      for (let i = this.rareAt[w]!, end = this.rareAt[w + 1]!; i < end; i++) look(this.byRare[i]!);
      if (this.waitingIn[w] !== turn) continue;
      this.waitingIn[w] = 0;
      for (let a = this.firstWaiting[w]!; a >= 0; ) {
        const next = this.nextWaiting[a]!;
        look(a);
        a = next;
      }
    }
    return (word: string) => {
      const w = this.ids.get(word);
      return w !== undefined && this.knownIn[w] === turn;
    };
  }
}
