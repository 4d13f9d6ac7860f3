// Generator functions that hold cleanup while suspended, and the calls that reach them. Shared by the
// project index (src/project.ts, first pass over every file) and generator-close (second pass), so both
// name a function the same way: `module.qualname` (`pkg.mod.produce`, `pkg.mod.Reader.rows`,
// `pkg.mod.outer.<locals>.inner`).
import type { SyntaxNode } from '../types.js';
import { functionOrModuleOf, identifierKey, inOwnCode, partsRunAround, scopeOf, within, type NameIndex, type Resolution } from './scopes.js';
import { afterBrackets, declaredNames, escapeRegExp, findWords, firstIndex, globalsWrites, hasLoneCR, isAsciiWordChar, isWordCharAt, KEYWORD_ARGUMENT, keywordsOf, lineEndOf, namesGiven, nextLineStart, PATCH_BY_PATH, restArguments, wordsPattern } from './text.js';
import { addTopLevelNamed, childLines, definedName, inDefOrClass, inNoncode, LineKind, lineAt, outlineOf, selectAround, type Outline, type Selection } from './outline.js';
import { decoratorText, isExtra, LOOPS, NESTED_SCOPES, outerParens, ownerClass, unwrapParens, withOf } from './statements.js';
import { calleeName } from './imports.js';
import { RESOURCE_CALLS } from './resources.js';
import { lastTextMemo, pushTo } from './memo.js';

/** One generator function as the first pass sees it: plain JSON data. */
export interface GeneratorSummary {
  key: string;
  async: boolean;
  /** A `yield` inside a `try` that has `finally`, or inside a `with`. */
  cleanup: boolean;
  /** Dotted names of the generators it delegates to (`yield from g()`, or a loop over `g()` that yields). */
  delegates: string[];
  /** Those of `delegates` it reaches by `yield from`, which closes them and passes on what their close raises (absent when none). */
  yieldsFrom?: string[];
  /** Why closing it may raise, as its own code shows (`closeRaisesReason`); absent when nothing shows it. */
  closeRaises?: string;
  /** An async generator whose cleanup awaits (`cleanupAwaitsReason`): where; absent when it does not. */
  cleanupAwaits?: string;
  /** The names of the resources it holds at a `yield` when that is its only cleanup (`f = open(p)` … `yield`, no `with`), for messages. */
  holds?: string;
  /**
   * The context managers of other modules (or classes of its own with bases) around a `yield` after which it may go on
   * (`swallowCandidates`): should one swallow GeneratorExit (`ModuleFacts.swallows`, read in `mergeModuleFacts`),
   * closing the generator raises, and `reason` says why. Absent when none, or when `closeRaises` says so already.
   */
  closeRaisesIf?: Array<{ manager: string; reason: string }>;
  /**
   * A plain function (no `yield`) that can only end by returning a call of one of these (`freshReturns`):
   * when each is a generator function with cleanup, a call of it makes a fresh one (`mergeModuleFacts`).
   */
  returns?: string[];
  /**
   * The positions of its positional parameters that its body only iterates (`for x in it:`, `yield from it`, in its
   * own code), absent when none: a generator passed there is held by nothing else (`iteratedParameters`).
   */
  passes?: number[];
  /** Those of `passes` that some `yield from` reads: closing the pass-through closes what was passed there (absent when none). */
  passesFrom?: number[];
  /** Those of `passesFrom` that a `for` reads too (`if c: yield from it` / `else: for x in it: …`): which runs is decided at run time. */
  passesMixed?: number[];
}

/** What one file says about generators: its own, and the module-level imports other modules reach them through. */
export interface ModuleFacts {
  generators: GeneratorSummary[];
  /** `module.localName` → the absolute dotted name it imports (`pkg.produce` → `pkg.core.produce`). */
  aliases: Record<string, string>;
  /** Classes with bases, and their methods that are not generator functions: overrides `self.m()` may reach (absent when none). */
  subclasses?: SubclassFacts[];
  /** Attributes of imported modules this module sets (`core.rows = lambda: [5]` → `pkg.core.rows`), absent when none. */
  patched?: string[];
  /** Functions this module replaces by a test double (`mock.patch("pkg.core.rows", …)`: `doubledAttributes`), absent when none. */
  doubled?: string[];
  /**
   * Names this module patches by a literal target with a double of no value of its own (`mock.patch("pkg.fetch.urlopen")`,
   * a `MagicMock`): nothing for generator-close (a `MagicMock` has a `close()`), but a `with` around the call binds another
   * mock than the test's (`mockedTargets`), absent when none.
   */
  mocked?: string[];
  /** Its generator methods that a class decorator or metaclass may replace, with what does (`classReplacements`), absent when none. */
  remade?: Record<string, string>;
  /**
   * Attributes it sets on values that are neither `self`/`cls` nor an imported module or class (`store.rows = …`,
   * `setattr(store, "rows", …)`, `patch.object(store, "rows", …)`, `monkeypatch.setattr(store, "rows", …)`): on an
   * instance, such an attribute hides a method of that name from `self.rows()` (`attributesSetOnValues`), absent when none.
   */
  setsOn?: string[];
  /**
   * A package's `__init__.py`: the names it binds otherwise than to its submodule of that name and than by an import
   * `aliases` holds (`core = …`, `def core`, an import left out of them); absent when none, or not a package. Where a
   * submodule has such a name, `from pkg import core` may get the other object (`GeneratorIndex.shadowed`).
   */
  binds?: string[];
  /**
   * The last names of this module's generator methods that its code sets as an attribute of some object (`self.rows =
   * lambda: [1]` in `__init__`): a subclass does not take them (`addInherited`; absent when none).
   */
  setsOwn?: string[];
  /**
   * `Class.__getattribute__` and `Class.__new__` for each class of the module that defines them (`specialMethods`): a
   * generator method of a class below one that does may not be what `self.rows()` gets, nor its `__iter__` what
   * `Table(n)` iterates (absent when none).
   */
  special?: string[];
  /**
   * The classes of the module whose `__exit__` (`__aexit__`) may return true, and its `@contextmanager` functions that may
   * catch what is thrown in at their `yield` (`swallowersFromText`): `with` them around a `yield`, a generator may go on
   * after GeneratorExit. Absent when none.
   */
  swallows?: string[];
}

/** A class that has bases (it may override a method of one of them), by short names. */
export interface SubclassFacts {
  name: string;
  /** The last part of each base: `base.Store` → `Store`, `Generic[T]` → `Generic`. */
  bases: string[];
  /** Its methods that are not generator functions (`def rows(self): return [...]`). */
  plain: string[];
  /** Its methods that are generator functions (absent when none): overrides whose close the index rates. */
  generators?: string[];
  /**
   * Its one base as written (`Store`, `models.Store`, `Store` of a generic `Store[int]`), for a class at the top level of
   * its module with no decorator but those that keep methods, no keyword in its header and no other binding of its name
   * in the module (`singleBase`, `settleBases`): `addInherited` then makes the generator methods it takes from that base
   * aliases of the index (`self.rows()` in a method of `ListStore(Store)`).
   */
  base?: string;
}

/** Where a module sits, for resolving relative imports. */
export interface ModuleLocation {
  moduleName: string;
  /** True for a package's `__init__.py`: `from . import x` then means the package itself. */
  isPackage: boolean;
}

/** A file without this defines no generator function. */
export const YIELD_RE = /\byield\b/;

/** `YIELD_RE.test(text)`; most files never say `yield`, and `includes` finds that out at a fraction of the regular expression's cost. */
export const saysYield = (text: string): boolean => text.includes('yield') && YIELD_RE.test(text);

/** The name the index files a module under: its dotted name, or one derived from the path when it has none. */
export function moduleKey(path: string, moduleName: string | undefined): string {
  return moduleName ?? `<${path}>`;
}

export function isPackageFile(path: string): boolean {
  return /(^|[\\/])__init__\.pyi?$/.test(path);
}

/**
 * `.sibling.name` (relative, from a binding) as an absolute dotted name, or `undefined` when it climbs
 * above the top-level package.
 */
export function absoluteName(qualified: string, loc: ModuleLocation): string | undefined {
  const m = /^(\.+)(.*)$/.exec(qualified);
  if (!m) return qualified;
  const parts = loc.moduleName.split('.');
  if (!loc.isPackage) parts.pop();
  const up = m[1]!.length - 1;
  if (up > parts.length || (up === parts.length && !m[2])) return undefined;
  const base = parts.slice(0, parts.length - up);
  const rest = m[2]!;
  if (base.length === 0) return rest || undefined;
  return rest ? `${base.join('.')}.${rest}` : base.join('.');
}


/** `Cls.meth`, `outer.<locals>.inner`: Python's `__qualname__` of a def or class. */
export function qualnameOf(def: SyntaxNode): string | undefined {
  const parts: string[] = [];
  let child = def;
  for (let a: SyntaxNode | null = def; a; child = a, a = a.parent) {
    if (a.type === 'function_definition' || a.type === 'class_definition') {
      const name = a.childForFieldName('name')?.text;
      if (!name) return undefined;
      if (a.id !== def.id) {
        // Ex) a def in a default value or decorator of another def is not one of its locals.
        if (a.childForFieldName('body')?.id !== child.id) return undefined;
        if (a.type === 'function_definition') parts.unshift('<locals>');
      }
      parts.unshift(name);
    } else if (a.type === 'lambda') {
      return undefined;
    }
  }
  return parts.join('.');
}

/** The last name of a base, its subscript left out: `base.Store` → `Store`, `Store[Dict[str, int]]` → `Store`. */
const baseTail = (text: string) => {
  const t = text.trim();
  const open = t.indexOf('[');
  return /(\w+)\s*$/.exec(open >= 0 ? t.slice(0, open) : t)?.[1];
};

/** What `SubclassFacts.bases` stands for when a base is a call: a class that withify cannot see. */
export const UNKNOWN_BASE = '?';

/**
 * The names one base of a class line stands for (keyword arguments and `object` give none): its last part
 * (`base.Store` → `Store`, `Generic[T]` → `Generic`); for a call (`with_metaclass(Meta, Store)`,
 * `six.with_metaclass(…)`), `?` and then the names of its arguments: the class it returns is unknown but
 * may derive from them, so they count as coming after a mixin (`plainOverrides`).
 */
function baseNames(item: string): string[] {
  // (A backslash continuation is a blank; `(Base)` is `Base`)
  let b = item.replace(/\\\r?\n/g, ' ').trim();
  while (/^\((?!\s*\))/.test(b) && b.endsWith(')') && balancedInside(b)) b = b.slice(1, -1).trim();
  if (!b || /^[A-Za-z_]\w*\s*=(?!=)/.test(b)) return [];
  // Ex) `class Fast(*bases):`, `class Fast(**kw):` (a `metaclass=` in it): bases withify cannot read
  if (b.startsWith('*')) return [UNKNOWN_BASE, UNREAD_BASE];
  const open = b.indexOf('(');
  if (open < 0) {
    // Ex) `class Fast(Store if FAST else Other):`, `(Store or Other)`, `(BASES[0])`: not a name, nor a generic's
    // subscript (`Generic[T]`): any class
    if (!/^[A-Za-z_][\w.]*\s*(?:\[.*\])?$/s.test(b) || (b.includes('[') && !genericHead(b))) return [UNKNOWN_BASE, UNREAD_BASE];
    const tail = baseTail(b);
    return tail && tail !== 'object' ? [tail] : [];
  }
  const close = b.lastIndexOf(')');
  const args = splitTopLevel(b.slice(open + 1, close > open ? close : undefined)).flatMap(baseNames);
  // Ex) `class Fast(base()):`, `class Fast(getattr(core, "Store")):`: any class; not `with_metaclass(Meta, Store)`,
  // whose class derives from its arguments, nor `namedtuple("P", "x y")`, which makes a new one
  const factory = CLASS_FACTORIES.has(baseTail(b.slice(0, open)) ?? '');
  return [UNKNOWN_BASE, ...args.filter((a) => a !== UNKNOWN_BASE && a !== UNREAD_BASE), ...(factory ? [] : [UNREAD_BASE])];
}

/** True when `text` (`(…)`) has its outer parentheses matched by each other: `(A)`, not `(A) or (B)`. */
function balancedInside(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    if (depth === 0 && i < text.length - 1) return false;
  }
  return depth === 0;
}

/**
 * True when a subscripted base reads as a generic class (`Generic[T]`, `typing.Mapping[K, V]`, `Base[Dict[str, int]]`,
 * `list[int]`): its name is CapWords or a builtin container, and its subscript holds no string or number. Not
 * `BASES[0]`, `REGISTRY["store"]`, `bases[i]`: an item of something, any class.
 */
function genericHead(b: string): boolean {
  const head = /^([\w.]*?)(\w+)\s*\[/.exec(b)?.[2] ?? '';
  const subscript = b.slice(b.indexOf('['));
  // Ex) `BASES[0]`, `REGISTRY["store"]`: a number, or a string that is no forward reference to a class (`"Other"`)
  if (/(?<![\w.])\d/.test(subscript) || /(['"])(?![A-Z_]\w*\1)[^'"]*\1/.test(subscript)) return false;
  return /^_*[A-Z]\w*[a-z]\w*$/.test(head) || BUILTIN_GENERICS.has(head);
}
const BUILTIN_GENERICS: ReadonlySet<string> = new Set(['list', 'dict', 'tuple', 'set', 'frozenset', 'type', 'IO', 'deque', 'defaultdict']);

/** What `SubclassFacts.bases` also holds for a base that may be any class (`base()`, `*bases`): its plain methods may override any. */
export const UNREAD_BASE = '?any';

/** Calls in a class's bases whose class derives from their arguments or from no class of the project. */
const CLASS_FACTORIES: ReadonlySet<string> = new Set(['with_metaclass', 'namedtuple', 'NamedTuple', 'TypedDict', 'declarative_base', 'make_dataclass']);

/** `text` split at the commas outside brackets. */
function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out;
}

/**
 * Module-level names bound to a class by another name, as classes deriving from it: `BaseStore = Store`,
 * `Base = models.Store` (a line of its own at column 0). `class ListStore(BaseStore)` is then a subclass of
 * `Store` at one remove. Any such line counts (the value may be no class at all): that only adds classes.
 */
function classAliases(text: string): SubclassFacts[] {
  const out: SubclassFacts[] = [];
  const add = (m: RegExpExecArray | null) => {
    const tail = m ? baseTail(m[2]!) : undefined;
    if (m && tail && tail !== m[1] && !NOT_CLASSES.has(tail)) out.push({ name: m[1]!, bases: [tail], plain: [] });
  };
  CLASS_ALIAS_FIRST.lastIndex = 0;
  add(CLASS_ALIAS_FIRST.exec(text));
  // From each line break: a literal first character is found fast, where `^` with the `m` flag is tried everywhere.
  for (const m of text.matchAll(CLASS_ALIAS)) add(m);
  return out;
}
const CLASS_ALIAS = /[\r\n]([A-Za-z_]\w*)[ \t]*=[ \t]*([A-Za-z_][\w.]*)[ \t]*(?:#[^\r\n]*)?(?=[\r\n]|$)/g;
/** The same on the file's first line. */
const CLASS_ALIAS_FIRST = /([A-Za-z_]\w*)[ \t]*=[ \t]*([A-Za-z_][\w.]*)[ \t]*(?:#[^\r\n]*)?(?=[\r\n]|$)/y;
const NOT_CLASSES = new Set(['None', 'True', 'False', 'object']);

// The text scans below read a file as lines split at `\r\n`, `\r` or `\n`, without splitting it (most of
// their time was the split): they look at the first characters of each line, read only the lines that may
// matter (a top-level word; a def, class or decorator), and follow triple-quoted strings from the positions
// of the triple quotes alone (`TripleQuotes`).

/**
 * The start of the line after the one that starts at `start`, or -1 after the last line. `loneCR`: the text
 * has a `\r` not followed by `\n` (else the next `\n` ends the line, found faster).
 */
function nextLine(text: string, start: number, loneCR: boolean): number {
  if (!loneCR) {
    const nl = text.indexOf('\n', start);
    return nl < 0 ? -1 : nl + 1;
  }
  const end = lineEndOf(text, start);
  return end < text.length ? nextLineStart(text, end) : -1;
}

const isBlank = (c: number) => c === 32 || c === 9;


/**
 * The start of the first line at or after `from` (0, or one past the start of a line already read) that a scan
 * reads: `re` (global) matches a line break followed by the start such a line has, `first` tells the same of the
 * file's first line. One scan of the text finds them, where reading every line in turn was most of a scan's time.
 * (A line break is `\n`, `\r\n` or a lone `\r`: the `\r` of a `\r\n` is followed by no line's first character.)
 */
function lineFrom(text: string, from: number, re: RegExp, first: (c: number) => boolean): number {
  if (from === 0 && text.length > 0 && first(text.charCodeAt(0))) return 0;
  re.lastIndex = from === 0 ? 0 : from - 1;
  const m = re.exec(text);
  return m ? m.index + 1 : -1;
}

/**
 * The triple-quoted string open at each line start of a text, read in order: a triple quote opens one when
 * none is open and closes the open one when it is the same. Triple quotes never span lines, so they are
 * found in the whole text at once. `skipTo` leaves out those of lines a scan read as part of a statement
 * (the continuation lines of an import or of a class header), as the scans always have.
 */
class TripleQuotes {
  // The next `"""` and `'''` not read yet (-1: none left), found with `indexOf` (a pattern's match objects cost
  // more): read in order, each from three characters past the last, as a global `/"""|'''/` finds them.
  private double: number;
  private single: number;
  private quote: string | undefined;

  constructor(private readonly text: string) {
    this.double = text.indexOf('"""');
    this.single = text.indexOf("'''");
  }

  /** The offset of the next triple quote not read yet, or -1. */
  private get next(): number {
    return this.double < 0 ? this.single : this.single < 0 || this.double < this.single ? this.double : this.single;
  }

  /** Read the next triple quote (there is one); its text. (The other kind's next one is three characters past it or more.) */
  private take(): string {
    const at = this.next;
    if (at === this.double) {
      this.double = this.text.indexOf('"""', at + 3);
      return '"""';
    }
    this.single = this.text.indexOf("'''", at + 3);
    return "'''";
  }

  /** The quote open at `offset` (a line start, not before the last one asked for), or `undefined`. */
  openAt(offset: number): string | undefined {
    for (let at = this.next; at >= 0 && at < offset; at = this.next) {
      const t = this.take();
      if (!this.quote) this.quote = t;
      else if (t === this.quote) this.quote = undefined;
    }
    return this.quote;
  }

  /** Leave out the triple quotes before `offset` not counted yet. */
  skipTo(offset: number): void {
    for (let at = this.next; at >= 0 && at < offset; at = this.next) this.take();
  }
}

/**
 * The classes with bases of a file that is not parsed, read from its text: a `class X(...)` line and the
 * `def`s indented below it up to the next line indented no deeper (nested functions count too, which only
 * makes the lists longer, never shorter).
 */
export function subclassesFromText(text: string): SubclassFacts[] {
  const out: SubclassFacts[] = [];
  const open: Array<{ indent: number; facts: SubclassFacts }> = [];
  // Where each class with bases starts (after its header) and ends (the next def, class or decorator no deeper).
  const spans = new Map<SubclassFacts, { from: number; to: number }>();
  const quotes = new TripleQuotes(text);
  // A decorator line at column 0 read since the last def or class there: the next class there is decorated
  let decorated = false;
  // The top-level classes of one base, whose name `settleBases` then checks
  const based: BaseCandidate[] = [];
  // Only a line whose first character after the indentation is that of `@`, `def`, `async` or `class`.
  for (let start = lineFrom(text, 0, DEFINITION_LINE, isBlankOrDefinition); start >= 0; start = lineFrom(text, start + 1, DEFINITION_LINE, isBlankOrDefinition)) {
    let i = start;
    while (isBlank(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    if (!isDefinitionStart(c)) continue;
    // A class ends only where a def, class or decorator starts no deeper: a docstring's or a bracket's
    // lines at column 0 do not end it (ending it too early would miss an override).
    if (quotes.openAt(start) !== undefined) continue;
    const end = lineEndOf(text, start);
    const line = text.slice(start, end);
    const m = DEFINITION_START.exec(line);
    if (!m) continue;
    const indent = m[1]!.length;
    while (open.length && open[open.length - 1]!.indent >= indent) {
      const span = spans.get(open.pop()!.facts);
      if (span) span.to = start;
    }
    const atTop = indent === 0 && !decorated;
    // (`@dataclass`, `@total_ordering`: decorators that keep the methods, KEEPING_DECORATOR)
    if (indent === 0) decorated = m[2] === '@' ? decorated || !KEEPING_DECORATOR.test(line.trim()) : false;
    if (m[2] === 'class') {
      const cls = classFromText(text, line, end);
      if (!cls) continue;
      const header = start;
      if (atTop && cls.single !== undefined) based.push({ facts: cls.facts, single: cls.single, from: start, to: cls.end });
      // The header's own triple quotes count, those of its continuation lines do not.
      quotes.openAt(end);
      quotes.skipTo(cls.end);
      start = cls.end; // the next line is the one after the header's last
      if (cls.facts.bases.length) {
        out.push(cls.facts);
        // (From the header's line: `class S(Store): rows = lambda self: [1]`)
        spans.set(cls.facts, { from: header, to: text.length });
      }
      open.push({ indent, facts: cls.facts });
    } else if (m[2] !== '@' && open.length) addPlainDef(line, open);
  }
  for (const c of out) {
    const span = spans.get(c)!;
    c.plain = [...new Set([...c.plain, ...classLevelNames(text, span.from, span.to), ...instanceAssignments(text, span.from, span.to)])];
  }
  settleBases(text, based);
  return withMadeClasses(text, text.includes('=') ? [...out, ...classAliases(text)] : out);
}

/** `classes` and the classes `type(name, bases, ns)` calls of `text` make (`typeClasses`). */
function withMadeClasses(text: string, classes: SubclassFacts[]): SubclassFacts[] {
  // (One pattern over the text: a search from each `type(` cost three times as much on the stdlib)
  return TYPE_CALL.test(text) ? [...classes, ...typeClasses(text)] : classes;
}

/**
 * The classes `type("Sub", (ListStore, Mixin), {"rows": …})` makes, as a class statement would give them: its bases as
 * written in the tuple (any other second argument: a base withify cannot read), and every word of its third argument as
 * a name it may bind (a key, a keyword of `dict(…)`, or a name only: more overrides, never fewer).
 */
function typeClasses(text: string): SubclassFacts[] {
  const out: SubclassFacts[] = [];
  let o: Outline | undefined;
  for (const m of text.matchAll(TYPE_CALLS)) {
    // (Not in a comment or a string: `# type("Sub", (Table,), {"rows": None})`, review rw3)
    if (inNoncode((o ??= outlineOf(text)), m.index)) continue;
    // (Read to the call's end within a few thousand characters: an unclosed `type(` read to the text's end each time was quadratic)
    const open = m.index + m[0].length - 1;
    const within = afterBrackets(text.slice(open, open + 8000), 0);
    const end = within === undefined ? undefined : open + within;
    // (A call withify cannot read to its end, a comment or a backslash in it: a class of any bases)
    if (end === undefined) {
      out.push({ name: '?type', bases: [UNKNOWN_BASE, UNREAD_BASE], plain: [] });
      continue;
    }
    const args = splitTopLevel(text.slice(m.index + m[0].length, end - 1));
    // (`types.new_class(name, bases)`: its `exec_body`, if any, may bind any name)
    if (args.length < (m[1] === 'new_class' ? 2 : 3)) continue;
    const tuple = args[1]!.trim();
    const inner = /^\((.*)\)$/s.exec(tuple)?.[1];
    const bases = inner !== undefined ? splitTopLevel(inner).filter((b) => b.trim()).flatMap(baseNames) : [UNKNOWN_BASE, UNREAD_BASE];
    // (A namespace withify reads: a dict display with string keys only, or `dict(k=…)`; else any name: `ns`, `{**ns}`, `new_class`'s)
    const ns = args.slice(2).join(',').trim();
    const readable = m[1] !== 'new_class' && (/^\{(?:\s*[rRuUbB]?(['"])\w+\1\s*:[^{}]*?,?)*\s*\}$/s.test(ns) ? !/\*\*/.test(ns) : /^dict\s*\((?:\s*\w+\s*=[^()]*?,?)*\s*\)$/s.test(ns));
    // (With bases withify cannot read, `(base(),)` too, its words only: any name of any class would hold back every method's fix)
    const plain = readable || inner === undefined || bases.includes(UNREAD_BASE) ? [...new Set(ns.match(/[A-Za-z_]\w*/g) ?? [])] : [ANY_NAME];
    out.push({ name: /^\s*[rRuUbB]?['"]([A-Za-z_]\w*)['"]\s*$/.exec(args[0]!)?.[1] ?? '?type', bases, plain });
  }
  return out;
}
/** A call of `type` with three arguments, roughly: `type(name, (`. */
const TYPE_CALL = /\b(?:type|ABCMeta|new_class)\s*\([^,()]*,\s*[(A-Za-z_]/;
const TYPE_CALLS = /\b(type|ABCMeta|new_class)\s*\(/g;
/** What `SubclassFacts.plain` holds for a class that may bind any name (`type("Sub", (Store,), ns)`). */
const ANY_NAME = '?every-name';

const DEFINITION_START = /^([ \t]*)(@|class(?=[ \t])|(?:async[ \t]+)?def(?=[ \t]))/;
/** A line break, then a line whose first character after the indentation is that of `@`, `def`, `async` or `class`. */
const DEFINITION_LINE = /[\r\n][ \t]*[@dac]/g;
/** `@`, `d`, `a` or `c`: the first character of a decorator, `def`, `async def` or `class`. */
const isDefinitionStart = (c: number) => c === 64 || c === 100 || c === 97 || c === 99;
/** The first line's first character, for `DEFINITION_LINE`: a blank (the line is read, then tested) or a definition's. */
const isBlankOrDefinition = (c: number) => isBlank(c) || isDefinitionStart(c);

/**
 * The attribute named after the `.` at `dot` when what follows it may set it: `x.name = …` (`assigns`), or `x.name`
 * then `,`, `)`, `]`, `:` or `in`, maybe one target of several, or an annotated one (`inTargets`). Read by hand,
 * once per `.` of every file: a sticky expression made a match object for each.
 */
function attributeSetAt(text: string, dot: number): { name: string; assigns: boolean } | undefined {
  let i = dot + 1;
  while (isBlank(text.charCodeAt(i))) i++;
  const first = text.charCodeAt(i);
  if (!isAsciiWordChar(first) || (first >= 48 && first <= 57)) return undefined;
  const start = i;
  while (isAsciiWordChar(text.charCodeAt(i))) i++;
  const end = i;
  while (isBlank(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  let assigns = false;
  if (c === 61) {
    if (text.charCodeAt(i + 1) === 61) return undefined; // `==`
    assigns = true;
  } else if (c === 105) {
    // `in` as a word (after a blank: the name took every word character)
    if (text.charCodeAt(i + 1) !== 110 || isAsciiWordChar(text.charCodeAt(i + 2))) return undefined;
  } else if (c !== 44 && c !== 41 && c !== 93 && c !== 58) return undefined; // `,` `)` `]` `:`
  // Ex) `cp: configparser.ConfigParser = configparser.ConfigParser()`: an annotation, which sets nothing on `configparser`
  // (review rv55f: the index took the class for replaced); not `if ok: core.rows = f`
  if (assigns && annotationAt(text, dot)) return undefined;
  return { name: text.slice(start, end), assigns };
}

const COMPOUND_HEAD = /^(?:if|elif|else|while|for|try|except|finally|with|def|class|async|match|case|lambda)\b/;

/** True when the dotted name holding the `.` at `dot` is the annotation of `target: mod.T = …` (a plain target before the `:`). */
function annotationAt(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && (isAsciiWordChar(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 46)) i--;
  while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
  if (text.charCodeAt(i - 1) !== 58) return false;
  const lineStart = Math.max(text.lastIndexOf('\n', i - 1), text.lastIndexOf('\r', i - 1)) + 1;
  const target = text.slice(lineStart, i - 1).trim();
  return /^[A-Za-z_][\w.]*(?:\[[^\]]*\])?$/.test(target) && !COMPOUND_HEAD.test(target);
}
/** The characters of a target list (`a.x, (b, c.y)[0]`), with no call in it. */
const TARGET_CHARS = /^[\w \t,.()[\]*]*$/;
const HAS_CALL = /\w[ \t]*\(/;

/** The first `=` of `line` that assigns (not of `==`, `!=`, `<=`, `>=`, `:=`), or -1. */
function assigningEquals(line: string): number {
  for (let i = line.indexOf('='); i >= 0; i = line.indexOf('=', i + 1)) {
    const before = line[i - 1];
    if (line[i + 1] === '=') {
      i++;
      continue;
    }
    if (before !== '=' && before !== '!' && before !== '<' && before !== '>' && before !== ':') return i;
  }
  return -1;
}

/**
 * True when the attribute whose `.` is at `dot` lies in the targets of its line's assignment: `c.rows, x = f, 2`,
 * `(c.rows) = f`, `c.rows: T = f`, `for c.rows in fs:`. Not in `g(c.rows, key=1)`: a call says `name(`.
 */
function inTargets(text: string, dot: number): boolean {
  let end = text.indexOf('\n', dot);
  if (end < 0) end = text.length;
  // (Most attributes followed by `,` or `)` are arguments of a call on a line that assigns nothing after them)
  const anyEquals = text.indexOf('=', dot);
  const start = text.lastIndexOf('\n', dot) + 1;
  if ((anyEquals < 0 || anyEquals > end) && !/^[ \t]*(?:async[ \t]+)?for[ \t]/.test(text.slice(start, Math.min(dot, start + 120)))) return false;
  const line = text.slice(start, end);
  const at = dot - start;
  // Ex) `    os.listxattr, follow_symlinks=False)`: a call's arguments over lines, not a statement of its own
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 40 || c === 91) depth++;
    else if ((c === 41 || c === 93) && --depth < 0) return false;
  }
  if (depth !== 0 || /[([,\\][ \t]*\r?$/.test(text.slice(text.lastIndexOf('\n', start - 2) + 1, Math.max(0, start - 1)))) return false;
  const forAt = /^[ \t]*(?:async[ \t]+)?for[ \t]/.exec(line);
  if (forAt) {
    // Ex) `for c.rows in fs:`: what lies between `for` and ` in `
    const inAt = line.indexOf(' in ', forAt[0].length - 1);
    const targets = inAt < 0 ? '' : line.slice(forAt[0].length, inAt);
    return at >= forAt[0].length && at < inAt && TARGET_CHARS.test(targets) && !HAS_CALL.test(targets);
  }
  const eq = assigningEquals(line);
  if (eq < 0 || at >= eq) return false;
  const targets = line.slice(0, eq);
  // Ex) `seen[rec.rows] = True`: a key, read
  let inItem = 0;
  for (let i = 0; i < at; i++) inItem += targets[i] === '[' ? 1 : targets[i] === ']' ? -1 : 0;
  if (inItem > 0) return false;
  if (TARGET_CHARS.test(targets)) return !HAS_CALL.test(targets);
  // Ex) `c.rows: Callable = f`: one target, then its annotation
  const colon = targets.indexOf(':');
  return colon > at && /^[ \t]*[\w.]+[ \t]*$/.test(targets.slice(0, colon));
}

/** Every attribute set in a text (`instanceAssignments` of all of it), by offset, for the classes of one file. */
interface AttributeSets {
  at: number[];
  names: string[];
  /** The object, where a form names it elsewhere than before `at` (`vars(core)["rows"] = …`: `core`). */
  objects: Array<string | undefined>;
}

let lastSets: { text: string; sets: AttributeSets } | undefined;

/** Every attribute set in `text`, by offset; the last text's are kept (its classes ask one by one). */
function attributeSets(text: string): AttributeSets {
  if (lastSets?.text === text) return lastSets.sets;
  const sets: AttributeSets = { at: [], names: [], objects: [] };
  // From each `.`, which only a few of the text's characters are (the matches come in order)
  for (let dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
    const set = attributeSetAt(text, dot);
    // Ex) `core.rows, x = f, 2`, `(core.rows) = f`, `core.rows: T = f`, `for core.rows in fs:`
    if (set === undefined || (!set.assigns && !inTargets(text, dot))) continue;
    sets.at.push(dot);
    sets.names.push(set.name);
    sets.objects.push(undefined);
  }
  if (text.includes('setattr') || text.includes('__dict__') || text.includes('vars')) {
    const found = sets.at.map((at, i): [number, string, string | undefined] => [at, sets.names[i]!, undefined]);
    const dict = text.includes('__dict__');
    const vars = text.includes('vars');
    if (text.includes('setattr')) for (const m of text.matchAll(SETATTR_BY_NAME)) found.push([m.index, m[2]!, m[1]]);
    if (dict) for (const m of text.matchAll(DICT_ITEM_SET)) found.push([m.index, m[1]!, undefined]);
    if (vars) for (const m of text.matchAll(VARS_ITEM_SET)) found.push([m.index, m[2]!, m[1]]);
    // Ex) `core.__dict__.update(rows=f)`, `vars(core).update(rows=f)`, `vars(core).setdefault("rows", f)`
    const updates = [...(dict ? text.matchAll(DICT_UPDATE) : []), ...(vars ? text.matchAll(VARS_UPDATE) : [])];
    for (const m of updates) {
      const object = m[1] || (text.charCodeAt(m.index - 1) === 46 ? nameBefore(text, m.index - 1) : '');
      const after = m.index + m[0].length;
      if (m[2] === 'setdefault') {
        const spelt = /^\s*['"]([A-Za-z_]\w*)['"]/.exec(text.slice(after, after + 80));
        found.push([m.index, spelt ? spelt[1]! : '*', object]);
      } else {
        // Ex) `core.__dict__.update(fakes)`: names not spelt, any of them (`*`)
        const given = namesGiven(text, after);
        for (const name of given.unread ? ['*'] : given.names) found.push([m.index, name, object]);
      }
    }
    // Ex) `for name in ("rows",): setattr(core, name, f)`: a name not spelt
    if (text.includes('setattr')) for (const m of text.matchAll(SETATTR_UNSPELT)) found.push([m.index, '*', m[1]]);
    found.sort((a, b) => a[0] - b[0]);
    sets.at = found.map((f) => f[0]);
    sets.names = found.map((f) => f[1]);
    sets.objects = found.map((f) => f[2]);
  }
  lastSets = { text, sets };
  return sets;
}

/** `setattr(x, "name", …)`, `type.__setattr__(x, "name", …)` (1: the object when a name), `x.__setattr__("name", …)`. */
const SETATTR_BY_NAME = /\b(?:setattr|__setattr__)\s*\(\s*(?:([A-Za-z_]\w*)\s*,\s*|[^,()'"]*,\s*)?['"]([A-Za-z_]\w*)['"]/g;
/** `setattr(x, name, …)`: an attribute of `x` (1) whose name is not spelt. */
const SETATTR_UNSPELT = /\bsetattr[ \t]*\([ \t]*([A-Za-z_]\w*)[ \t]*,[ \t]*(?!['"\s])/g;
/** `x.__dict__["name"] = …`. */
const DICT_ITEM_SET = /__dict__\s*\[\s*['"]([A-Za-z_]\w*)['"]\s*\]\s*=(?!=)/g;
/** `vars(x)["name"] = …` (1: the object). */
const VARS_ITEM_SET = /\bvars\s*\(\s*([A-Za-z_]\w*)\s*\)\s*\[\s*['"]([A-Za-z_]\w*)['"]\s*\]\s*=(?!=)/g;
/** `x.__dict__.update(` or `.setdefault(` (2: the method). */
const DICT_UPDATE = /__dict__\s*\.\s*()(update|setdefault)\s*\(/g;
/** `vars(x).update(` (1: the object) or `.setdefault(` (2: the method). */
const VARS_UPDATE = /\bvars\s*\(\s*([A-Za-z_]\w*)\s*\)\s*\.\s*(update|setdefault)\s*\(/g;
/**
 * The names of the attributes set in `text` from `from` to `to` (a class, or a whole file) on any object: an
 * instance or class attribute that hides a method of that name (`self.rows = lambda: preload` in `__init__`,
 * `s.rows = …` whatever the first parameter is called, `Store.rows = f`, `setattr(self, "rows", f)`).
 */
export function instanceAssignments(text: string, from = 0, to = text.length): string[] {
  const all = attributeSets(text);
  const out: string[] = [];
  for (let i = firstIndex(all.at.length, (k) => all.at[k]! >= from); i < all.at.length && all.at[i]! < to; i++) out.push(all.names[i]!);
  return out;
}

/** The object whose attribute the set at `at` gives (`core` of `core.rows = f`, of `core.__dict__[…] = f`, of `core.__setattr__(…)`); `''` if none. */
function objectOfSet(text: string, sets: AttributeSets, i: number): string {
  const named = sets.objects[i];
  if (named !== undefined) return named;
  const at = sets.at[i]!;
  if (text.charCodeAt(at) === 46) return nameBefore(text, at);
  return text.charCodeAt(at - 1) === 46 ? nameBefore(text, at - 1) : '';
}

/**
 * Class decorators that keep the methods they are given (`@dataclass`, `@total_ordering`, `@enum.unique`, attrs,
 * `@unittest.skipUnless(…)`, `@pytest.mark.…`).
 */
const KEEPING_DECORATOR =
  /^@[ \t]*(?:(?:(?:dataclasses|functools|typing|typing_extensions|enum|attr|attrs|unittest)[ \t]*\.[ \t]*)?(?:dataclass|total_ordering|final|unique|verify|runtime_checkable|s|attrs|define|frozen|mutable|skip|skipIf|skipUnless|expectedFailure)\b|pytest[ \t]*\.[ \t]*mark[ \t]*\.)/;
/** Metaclasses that keep the methods of a class (`ABCMeta`). */
const KEEPING_METACLASS = /metaclass[ \t]*=[ \t]*(?:abc[ \t]*\.[ \t]*)?(?:ABCMeta|type)[ \t]*[,)]/;

/**
 * The generator methods of this module (`generators`) that its own code may replace, as `patched` (`Table.__iter__ =
 * …`, `setattr(Store, "rows", …)`, `cls.rows = …` in a helper: an attribute of that name set on anything but `self`)
 * and `remade` (a class decorator, or a metaclass, that may give the class other methods): `Table(n)` iterated,
 * `Store.rows(n)` may then reach an object without `close()`. (`self.rows = …` hides the method from `self.rows()`
 * only: generator-close's `overriddenReason`.)
 */
export function classReplacements(text: string, moduleName: string, generators: readonly GeneratorSummary[], lines: Outline): { patched?: string[]; remade?: Record<string, string> } {
  const prefix = `${moduleName}.`;
  const methods = generators.filter((g) => g.key.startsWith(prefix) && g.key.includes('.', prefix.length));
  if (!methods.length) return {};
  const setOnOthers = new Set<string>();
  // Ex) `for name in ("__iter__",): setattr(Table, name, …)`: any attribute of `Table` (`*` in the sets)
  const setByName = new Set<string>();
  const sets = attributeSets(text);
  for (let i = 0; i < sets.at.length; i++) {
    const object = objectOfSet(text, sets, i);
    if (object === 'self') continue;
    if (sets.names[i] === '*') setByName.add(object);
    else setOnOthers.add(sets.names[i]!);
  }
  // (The classes that define `__new__`: `Table(n)` may make no `Table`, whose `__iter__` is then not what a loop calls)
  const newers = new Set<string>();
  const remakers = classRemakers(text, lines, newers);
  const patched: string[] = [];
  const remade: Record<string, string> = {};
  for (const g of methods) {
    const parts = g.key.slice(prefix.length).split('.');
    if (setOnOthers.has(parts.at(-1)!)) patched.push(g.key);
    const classes = parts.slice(0, -1);
    const byName = classes.find((c) => setByName.has(c));
    const owner = classes.at(-1)!;
    const made = (parts.at(-1) === '__iter__' || parts.at(-1) === '__aiter__') && newers.has(owner) ? `\`${owner}.__new__\`, which may return another object than a \`${owner}\`,` : undefined;
    const how = byName !== undefined ? `an attribute of \`${byName}\` set by a name not spelt (\`setattr(${byName}, name, …)\`)` : classes.map((c) => remakers.get(c)).find((h) => h !== undefined) ?? made;
    if (how !== undefined) remade[g.key] = how;
  }
  return { ...(patched.length ? { patched } : {}), ...(Object.keys(remade).length ? { remade } : {}) };
}

/** A logical line's text, comments left out (`#` to the line's end: a `#` in a string only shortens what is read). */
const codeOf = (text: string, from: number, to: number) => text.slice(from, to).replace(/#[^\r\n]*/g, '');

/** `locals()["test_" + f] = …`, `vars().update(…)`: a class body writing its own namespace (names it does not spell). */
const OWN_NAMESPACE_WRITE = /\b(?:locals|vars)[ \t]*\([ \t]*\)[ \t]*(?:\[[^\]\r\n]*\][ \t]*=(?!=)|\.[ \t]*(?:update|setdefault|__setitem__)[ \t]*\()/;

/**
 * Per class name of `text` (its outline `lines`), what may give the class other methods than it defines: a decorator
 * (the logical lines just above it at its indentation), a metaclass (in its header), a write to its own namespace
 * in its body's own lines (`locals()["test_" + f] = …`, not in its methods), a `__getattribute__` of its own. A name
 * two classes share: the first that has one. `newers` gets the classes that define `__new__` (for their `__iter__`).
 */
function classRemakers(text: string, lines: Outline, newers = new Set<string>()): Map<string, string> {
  const out = new Map<string, string>();
  const n = lines.first.length;
  for (let i = 0; i < n; i++) {
    if (lines.kind[i] !== LineKind.Class) continue;
    const name = /^class[ \t]+([A-Za-z_]\w*)/.exec(text.slice(lines.first[i]!, lines.first[i]! + 200))?.[1];
    if (name === undefined || out.has(name)) continue;
    const end = i + 1 < n ? lines.begin[i + 1]! : text.length;
    const header = codeOf(text, lines.first[i]!, end);
    let how: string | undefined;
    if (/\bmetaclass\b/.test(header) && !KEEPING_METACLASS.test(header.replace(/\s+/g, ' '))) how = `the metaclass of \`${name}\`, which may give it other methods,`;
    for (let j = i - 1; how === undefined && j >= 0 && lines.kind[j] === LineKind.Decorator && lines.indent[j] === lines.indent[i]; j--) {
      const decorator = codeOf(text, lines.first[j]!, lines.begin[j + 1]!).trim();
      if (!KEEPING_DECORATOR.test(decorator)) how = `the class decorator \`${decorator.replace(/\(.*$/s, '').trimEnd()}\` of \`${name}\`, which may give it other methods,`;
    }
    for (let k = i + 1; how === undefined && k < n && lines.begin[k]! < lines.blockEnd[i]!; k++) {
      // Ex) `def __getattribute__(self, name): …` in the body: any attribute of an instance may be another object
      if (lines.kind[k] === LineKind.Def && lines.parent[k] === i) {
        const def = definedName(text, lines, k);
        if (def === '__getattribute__') how = `\`${name}.__getattribute__\`, which may hand out another object for any attribute,`;
        else if (def === '__new__') newers.add(name);
      }
      if (lines.kind[k] !== LineKind.Other) continue;
      // (The class's own code, in an `if` of its body too; not a method's)
      let up = lines.parent[k]!;
      while (up > i && lines.kind[up] !== LineKind.Def && lines.kind[up] !== LineKind.Class) up = lines.parent[up]!;
      if (up !== i) continue;
      if (OWN_NAMESPACE_WRITE.test(codeOf(text, lines.first[k]!, k + 1 < n ? lines.begin[k + 1]! : text.length))) {
        how = `a write to the namespace of \`${name}\` in its body (\`locals()[…] = …\`), which may give it other methods,`;
      }
    }
    if (how !== undefined) out.set(name, how);
  }
  return out;
}

/** Something on a line that may bind a name: `=` (not `==`, `!=`, `<=`, `>=`), `import`, `as`, `for`, `del`, `global`, `:=`, a bare annotation (`rows: Callable`, a dataclass's field). */
const BINDING_HINT = /(?<![=!<>])=(?!=)|\b(?:import|as|for|del|global|nonlocal|class|exec)\b|^[A-Za-z_]\w*[ \t]*:/;
/** A string on one line (`"Sales rows"`, `'a'`), left out of the words (`exec("…")` keeps its own: see below). */
const ONE_LINE_STRING = /[rRbBuUfF]{0,2}("|')(?:[^"'\\\r\n]|\\.|(?!\1)["'])*\1/g;
/** A name not read as an attribute (`_m.rows`: no binding of `rows`). */
const OWN_WORD = /(?<![\w.])[A-Za-z_]\w*/g;
const KEYWORDS = new Set(['import', 'from', 'as', 'for', 'in', 'if', 'else', 'elif', 'try', 'except', 'finally', 'with', 'del', 'global', 'nonlocal', 'lambda', 'not', 'and', 'or', 'is', 'None', 'True', 'False', 'pass', 'return', 'while']);

/** By a def's indentation: the next line indented no deeper (global, searched from `lastIndex`). */
const PAST_DEF: RegExp[] = [];

/**
 * The names a class body may bind outside its defs, read from the text from `from` (the start of the header's
 * line) to `to`: every name on a line that says something binding (`BINDING_HINT`) and lies in no def's body, at
 * any depth (`items = rows = _list_rows`, `try:` / `from .fast import rows`, `for rows in …`, `with … as rows`,
 * `[rows] = …`, `import m as _m; rows = _m.rows`, `class S(Store): rows = …`). More names than are bound (a word
 * of a multi-line string, a call's keyword): only more overrides, which cost a fix; a missed one would make
 * `self.rows()` close what has no `close()`.
 */
function classLevelNames(text: string, from: number, to: number): string[] {
  const out = new Set<string>();
  let header = true;
  for (let at = from; at < to; ) {
    let end = Math.min(lineEndOf(text, at), to);
    let line = text.slice(at, end);
    // Ex) `rows \` / `    = lambda self: [1]`: one statement
    while (line.endsWith('\\') && end < to) {
      const next = nextLineStart(text, end);
      end = Math.min(lineEndOf(text, next), to);
      line = `${line.slice(0, -1)} ${text.slice(next, end)}`;
    }
    at = end < text.length ? nextLineStart(text, end) : to;
    const m = /^[ \t]*(?=\S)/.exec(line);
    if (!m) continue;
    const indent = m[0].length;
    let rest = line.slice(indent);
    // The class's own header: only what follows its `:` on that line (`class S(Store): rows = …`), not its bases
    if (header && /^class\b/.test(rest)) {
      header = false;
      const inline = /^class\b[^:(]*(?:\([^)]*\))?[ \t]*:(.*)$/s.exec(rest);
      if (!inline || !inline[1]!.trim()) continue;
      rest = inline[1]!.trim();
    }
    header = false;
    if (/^(?:async[ \t]+)?def(?![\w])/.test(rest)) {
      // Past the def's body at once: to the next line indented no deeper than the def (one search, where reading
      // each of a method's lines was most of this scan's time)
      let past = PAST_DEF[indent];
      if (!past) PAST_DEF[indent] = past = new RegExp(`[\\r\\n][ \\t]{0,${indent}}(?=[^ \\t\\r\\n])`, 'g');
      past.lastIndex = at > 0 ? at - 1 : 0;
      const next = past.exec(text);
      at = next && next.index + 1 < to ? next.index + 1 : to;
      continue;
    }
    // (A line that starts with a quote is a docstring's or a string's: `"""Rows are grouped for …"""`)
    if (rest.startsWith('#') || rest.startsWith('@') || /^[rRbBuUfF]{0,2}["']/.test(rest)) continue;
    // Ex) `title = "Sales rows"`: no binding of `rows`; `exec("def rows(self): …")` may be one
    const code = /\bexec\b/.test(rest) ? rest : rest.replace(ONE_LINE_STRING, '""');
    if (!BINDING_HINT.test(code)) continue;
    for (const w of code.replace(/#.*$/s, '').match(OWN_WORD) ?? []) if (!KEYWORDS.has(w)) out.add(w);
  }
  return [...out];
}

/** The def's name on `line`, added to the plain methods of every class still open around it. */
function addPlainDef(line: string, open: ReadonlyArray<{ facts: SubclassFacts }>): void {
  const def = /^[ \t]*(?:async[ \t]+)?def[ \t]+(\w+)/.exec(line);
  if (def) for (const c of open) c.facts.plain.push(def[1]!);
}

/**
 * The class whose `class` line is `line` (ending at `end` in `text`), its bases read up to the `)`; `end`:
 * the end of the line that has it.
 */
function classFromText(text: string, line: string, end: number): { facts: SubclassFacts; end: number; single?: string } | undefined {
  const cls = /^[ \t]*class[ \t]+(\w+)[ \t]*\((.*)$/.exec(line);
  if (!cls) return undefined;
  // (Comments and backslash continuations left out: `class C(Base,  # why` / `        Mixin):`)
  const bare = (line: string) => line.replace(/#.*$/, '').replace(/\\\s*$/, ' ');
  let header = bare(cls[2]!);
  while (!header.includes(')') && end < text.length) {
    const start = nextLineStart(text, end);
    end = lineEndOf(text, start);
    header += ` ${bare(text.slice(start, end))}`;
  }
  // The text up to the `)` that closes the bases (a call among them has its own).
  let depth = 0;
  let close = header.length;
  for (let i = 0; i < header.length; i++) {
    const c = header[i]!;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}' || (c === ')' && depth > 0)) depth--;
    else if (c === ')') {
      close = i;
      break;
    }
  }
  const items = splitTopLevel(header.slice(0, close));
  const bases = items.flatMap(baseNames);
  const single = singleBase(items);
  return { facts: { name: cls[1]!, bases, plain: [] }, end, ...(single !== undefined ? { single } : {}) };
}

/**
 * The one base of a class header's items (`Store`, `models.Store`, a trailing comma allowed), blanks taken out;
 * `undefined` for any other header: several bases, a keyword (`metaclass=`), a call, a subscript that is no generic's
 * (`BASES[0]`), `*bases`, `object`.
 */
function singleBase(items: readonly string[]): string | undefined {
  const given = items.map((i) => i.replace(/\\\r?\n/g, ' ').trim());
  if (given.length > 1 && given[given.length - 1] === '') given.pop();
  if (given.length !== 1) return undefined;
  let dotted = given[0]!.replace(/[ \t\r\n]+/g, '');
  // Ex) `Store[int]`, `base.Store[K, V]`: a generic class, whose class statement derives from `Store`
  const open = dotted.indexOf('[');
  if (open > 0 && dotted.endsWith(']') && genericHead(dotted)) dotted = dotted.slice(0, open);
  return DOTTED_NAME.test(dotted) && dotted !== 'object' ? dotted : undefined;
}
const DOTTED_NAME = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;

/**
 * True when `text` may bind the class name `name` other than by its `class` line (`from`, up to `to`, the end of its
 * header): `Store = wrap(Store)`, `def Store`, another `class Store`, `import … as Store`, `global Store` (`mayBindElsewhere`);
 * or has a star import, which may bind it or its base (`base`) again (`from pkg.b import *` after `class Store`).
 */
function classBoundElsewhere(text: string, name: string, from: number, to: number, base: string): boolean {
  if (hasStarImport(text)) return true;
  const global = namesBoundGlobally(text);
  if (global.has(name) || global.has(base.split('.')[0]!)) return true;
  return mayBindElsewhere(text, name, [[from, to]]);
}

/** A top-level class of one base (`single`), its `class` line from `from` to `to`: `SubclassFacts.base` once its name is checked. */
interface BaseCandidate {
  facts: SubclassFacts;
  single: string;
  from: number;
  to: number;
}

/** Give each candidate its `base` where its name is bound nowhere else (`classBoundElsewhere`). */
function settleBases(text: string, based: readonly BaseCandidate[]): void {
  if (!based.length || hasStarImport(text)) return;
  // (Each name's places by `indexOf`: one pattern of all of them cost twice as much on the stdlib)
  for (const b of based) if (!classBoundElsewhere(text, b.facts.name, b.from, b.to, b.single)) b.facts.base = b.single;
}

/**
 * `declaredGlobal(text)`, read only where the text says `global`, `globals(`, `modules[` or `exec` (a text that says
 * none of them binds no name so), once per text: every class of a module asks.
 */
const namesBoundGlobally = lastTextMemo((text: string): ReadonlySet<string> => (MAY_BIND_GLOBALLY.test(text) ? declaredGlobal(text) : NO_NAMES));
const MAY_BIND_GLOBALLY = /\bglobal|modules[ \t]*\[|\bexec\b/;
const NO_NAMES: ReadonlySet<string> = new Set();

/** True when `text` has a star import (`from m import *`), read once per text (every class of a module asks). */
const hasStarImport = lastTextMemo((text: string) => text.includes('*') && starImports(text).length > 0);

/** The items of a class line's bases, as written (`[]` for a class with no brackets). */
function baseItems(text: string, o: Outline, k: number): string[] {
  const head = /class[ \t\\]+[^\s(:\\]+\s*\(/y;
  head.lastIndex = o.first[k]!;
  if (!head.exec(text)) return [];
  const items: string[] = [];
  let item = '';
  let depth = 0;
  let from = head.lastIndex;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === '#') {
      // Ex) `class C(Base,  # why\n        Mixin):`: a comment is no part of a base
      item += text.slice(from, i);
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
      from = i;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === ')' && depth > 0) depth--;
    else if ((c === ')' || c === ',') && depth === 0) {
      items.push(item + text.slice(from, i));
      item = '';
      from = i + 1;
      if (c === ')') break;
    }
  }
  return items;
}

/**
 * The classes with bases of a file and the defs in each (nested ones too, which only makes the lists
 * longer), from its outline: the methods that are generator functions (`generatorLines`, their def
 * lines) left out.
 */
export function subclassesFromOutline(text: string, o: Outline, generatorLines: ReadonlySet<number>): SubclassFacts[] {
  const out: SubclassFacts[] = [];
  const based: BaseCandidate[] = [];
  for (let c = 0; c < o.begin.length; c++) {
    if (o.kind[c] !== LineKind.Class) continue;
    const items = baseItems(text, o, c);
    const bases = items.flatMap(baseNames);
    if (!bases.length) continue;
    const names = new Set<string>();
    const generators = new Set<string>();
    for (let d = c + 1; d < o.begin.length && o.begin[d]! < o.blockEnd[c]!; d++) {
      if (o.kind[d] === LineKind.Other) continue;
      if (o.kind[d] === LineKind.Def && o.parent[d] === c && generatorLines.has(d)) {
        const name = definedName(text, o, d);
        if (name) generators.add(name);
        continue;
      }
      if (o.kind[d] !== LineKind.Def) continue;
      const name = definedName(text, o, d);
      if (name) names.add(name);
    }
    // Ex) `rows = _cached_rows`, `items = rows = _list_rows`, `try:` / `from .fast import rows` in the class body
    // (From the header's line: `class S(Store): rows = lambda self: [1]` binds on it; the header's own names, the
    // class's and its bases', only make more overrides)
    for (const n of classLevelNames(text, o.begin[c]!, o.blockEnd[c]!)) names.add(n);
    for (const n of instanceAssignments(text, o.begin[c]!, o.blockEnd[c]!)) names.add(n);
    const name = definedName(text, o, c) ?? '';
    // (At the top level, with no decorator but those that keep the methods, `@dataclass`)
    let kept = true;
    for (let j = c - 1; kept && j >= 0 && o.kind[j] === LineKind.Decorator; j--) kept = KEEPING_DECORATOR.test(codeOf(text, o.first[j]!, o.begin[j + 1]!).trim());
    const single = o.parent[c]! < 0 && kept ? singleBase(items) : undefined;
    const facts: SubclassFacts = { name, bases, plain: [...names], ...(generators.size ? { generators: [...generators] } : {}) };
    if (single !== undefined && name) based.push({ facts, single, from: o.first[c]!, to: text.indexOf(name, o.first[c]!) + name.length });
    out.push(facts);
  }
  settleBases(text, based);
  return withMadeClasses(text, text.includes('=') ? [...out, ...classAliases(text)] : out);
}

/**
 * What the first pass parses of a file that says `yield` (`planRanges` adds the top-level statements): every
 * function with a `yield`, and what `moduleFacts` needs besides to name its generators and count their
 * bindings as the whole file would: the statements of the class bodies they sit in and the defs there of
 * the same name, and the top-level defs and classes named in what is parsed or in a top-level import
 * (`addTopLevelNamed`, as the second pass does). `'none'` when no `yield` is in code.
 */
export function generatorSelection(text: string, o: Outline): Selection | 'whole' | 'none' {
  const sel = selectAround(text, /\byield\b/g, o);
  // 'none': `yield` only in strings and comments (pydoc_data/topics.py): no generator function
  if (typeof sel === 'string') return sel;
  // Ex) `def rows(p): return _rows(p)`: whether it returns a fresh generator is read from its tree (moduleFacts)
  const generators = new Set<string>();
  for (const u of sel.units) {
    for (let d = u; d < o.begin.length && o.begin[d]! < o.blockEnd[u]!; d++) {
      const name = o.kind[d] === LineKind.Def ? definedName(text, o, d) : undefined;
      if (name) generators.add(name);
    }
  }
  for (const k of returnerCandidates(text, o, generators)) {
    sel.units.add(k);
    for (let a = o.parent[k]!; a >= 0; a = o.parent[a]!) sel.headers.add(a);
  }
  // Ex) `class LogErrors:` / `def __exit__(…): return True` around a `yield` (`with LogErrors(): yield i`): whether
  // it swallows the GeneratorExit a close throws in is read from its tree (`closeRaisesReason`)
  // (`async with`'s `__aexit__` too, and one bound otherwise: `__exit__ = lambda self, *exc: True`)
  if (text.includes('exit__')) {
    const exits = selectAround(text, /\bdef\s+__a?exit__\b|\b__a?exit__[ \t]*=(?!=)/g, o);
    if (typeof exits !== 'string') {
      for (const u of exits.units) sel.units.add(u);
      for (const h of exits.headers) sel.headers.add(h);
    }
  }
  for (const u of [...sel.units]) {
    // Ex) `class Store:` / `if PY2: def rows(self): … yield` / `else: def rows(self): return []`: the class is
    // the def's through the `if`, whose `else:` binds the name again
    let p = o.parent[u]!;
    while (p >= 0 && o.kind[p] === LineKind.Other) p = o.parent[p]!;
    if (p < 0 || o.kind[p] !== LineKind.Class) continue;
    const name = definedName(text, o, u);
    const says = name === undefined ? undefined : wordsPattern([name]);
    for (const c of childLines(o, p)) {
      // Ex) `rows = property(rows)` in the class body, or a second `def rows`: the name is bound twice. A
      // statement that does not say the name cannot bind it (subprocess's `if _mswindows:` blocks of methods).
      if (o.kind[c] === LineKind.Other ? !says || says.test(text.slice(o.begin[c], o.blockEnd[c])) : name !== undefined && definedName(text, o, c) === name) sel.units.add(c);
    }
  }
  // A second top-level `def` of a generator's name drops it; an alias counts only when nothing else binds the name.
  addTopLevelNamed(text, o, sel);
  // Ex) `if PY3: class Store: …` / `else: class Store: …` sit in one statement, parsed whole; two top-level
  // `class Store:` lines are two units: the second binding of the name drops the generator methods of both.
  const classes = new Set<string>();
  for (const h of sel.headers) if (o.parent[h] === -1 && o.kind[h] === LineKind.Class) classes.add(definedName(text, o, h) ?? '');
  if (classes.size) {
    for (let k = 0; k < o.begin.length; k++) {
      if (o.parent[k] === -1 && !sel.headers.has(k) && classes.has(definedName(text, o, k) ?? '')) sel.units.add(k);
    }
  }
  return sel;
}

/** True for a def whose decorators may replace the function: only `staticmethod` and `classmethod` keep it a generator function. */
function isWrappedByDecorator(def: SyntaxNode): boolean {
  const p = def.parent;
  if (p?.type !== 'decorated_definition') return false;
  // Ex) `@contextlib.contextmanager`: calling it returns a context manager, not a generator.
  return p.namedChildren.some((d) => d.type === 'decorator' && !/^@\s*(staticmethod|classmethod)\s*$/.test(decoratorText(d)));
}

/** The function, lambda or class whose own code `node` is. */
export function holderOf(node: SyntaxNode): SyntaxNode | undefined {
  // (A default value, an annotation or a base class is the code around: `finally: cb = lambda r=await step(): r`)
  for (let a = node.parent; a; a = a.parent) if (NESTED_SCOPES.has(a.type) && inOwnCode(node, a, true)) return a;
  return undefined;
}

/** The function a `yield` belongs to (its own scope), or `undefined` for a stray one. */
function ownerOf(node: SyntaxNode): SyntaxNode | undefined {
  const holder = holderOf(node);
  return holder?.type === 'function_definition' ? holder : undefined;
}

/** True when `y` sits in a `try` body (or handler) whose `finally` is still pending, or in a `with` body, inside `fn`. */
/** A call of the resource catalog that a `with` would close (`open(p)`, `gzip.open(p)`; not a process, whose exit waits). */
function isResourceCall(names: NameIndex, call: SyntaxNode): boolean {
  const spec = RESOURCE_CALLS.get(calleeName(names, call) ?? '');
  return spec !== undefined && !spec.exitWaits;
}

/** What `fn`'s own code holds in a resource: the loops over one, the names bound to one (`f = open(p)`). */
interface Held {
  loops: Set<number>;
  names: Array<{ name: string; end: number }>;
}

function heldResources(names: NameIndex, fn: SyntaxNode): Held {
  const held: Held = { loops: new Set(), names: [] };
  for (const call of fn.descendantsOfType('call')) {
    if (functionOrModuleOf(call).id !== fn.id || !isResourceCall(names, call)) continue;
    let cur = call;
    while (cur.parent?.type === 'parenthesized_expression') cur = cur.parent;
    const p = cur.parent;
    if (p?.type === 'assignment' && p.childForFieldName('right')?.id === cur.id && p.childForFieldName('left')?.type === 'identifier') {
      held.names.push({ name: p.childForFieldName('left')!.text, end: p.endIndex });
    }
    // Ex) `for line in open(p):`, `for line in csv.reader(open(p)):`: the loop holds it while it runs
    for (let a: SyntaxNode | null = call.parent; a && a.id !== fn.id; a = a.parent) {
      if (a.type === 'for_statement') {
        if (within(call, a.childForFieldName('right'))) held.loops.add(a.id);
        break;
      }
      if (a.type === 'block') break;
    }
  }
  return held;
}

/**
 * True when `y` suspends the generator while a resource is held: inside a loop over one, or after `f = open(p)`
 * with no `f.close()` in between. Abandoned there, the generator keeps the file open until it is collected, as a
 * pending `with` exit would (before a fix of the resource's own gives it that `with`).
 */
function yieldHoldsResource(y: SyntaxNode, fn: SyntaxNode, held: Held): boolean {
  if (held.loops.size) {
    for (let a = y.parent; a && a.id !== fn.id; a = a.parent) if (held.loops.has(a.id) && !within(y, a.childForFieldName('right'))) return true;
  }
  for (const h of held.names) {
    if (h.end > y.startIndex) continue;
    const between = fn.text.slice(h.end - fn.startIndex, y.startIndex - fn.startIndex);
    if (!between.includes(`${h.name}.close(`)) return true;
  }
  return false;
}

export function yieldHoldsCleanup(y: SyntaxNode, fn: SyntaxNode): boolean {
  let child = y;
  for (let a = y.parent; a && a.id !== fn.id; child = a, a = a.parent) {
    if (a.type === 'try_statement' && child.type !== 'finally_clause' && a.namedChildren.some((c) => c.type === 'finally_clause')) return true;
    if (a.type === 'with_statement' && a.childForFieldName('body')?.id === child.id) return true;
    // Ex) `try: yield row` / `except GeneratorExit: cursor.close(); raise`: the handler is what close() runs
    if (a.type === 'try_statement' && a.childForFieldName('body')?.id === child.id && a.namedChildren.some((c) => c.type === 'except_clause' && catchesGeneratorExit(c))) return true;
  }
  return false;
}

/** Nodes of `type` in `region` that are `fn`'s own code (not of a nested def, lambda or class). */
// (Named nodes only: the `await` and `yield` keywords are nodes of those types too, inside the expressions.)
const ownOf = (region: SyntaxNode, type: string, fn: SyntaxNode) => region.descendantsOfType(type).filter((n) => n.isNamed && holderOf(n)?.id === fn.id);

/** True when a `try` inside `region` around `node` has an `except` that may catch what `node` raises. */
export function caughtWithin(node: SyntaxNode, region: SyntaxNode): boolean {
  const raised = node.type === 'raise_statement' ? raisedName(node) : undefined;
  let child = node;
  for (let a = node.parent; a && a.id !== region.id; child = a, a = a.parent) {
    if (a.type === 'try_statement' && a.childForFieldName('body')?.id === child.id) {
      if (a.namedChildren.some((c) => (c.type === 'except_clause' || c.type === 'except_group_clause') && handlerCatches(c, raised))) return true;
    }
  }
  return false;
}

/** The class a `raise` names (`raise TypeError`, `raise errors.Bad("x")`: its last name), or `undefined`. */
function raisedName(raise: SyntaxNode): string | undefined {
  let e = raise.namedChildren.find((c) => !isExtra(c));
  if (e?.type === 'call') e = e.childForFieldName('function') ?? undefined;
  if (e?.type === 'attribute') e = e.childForFieldName('attribute') ?? undefined;
  return e?.type === 'identifier' ? e.text : undefined;
}

// The builtin exceptions' bases, for a handler that names a base of what is raised (`except LookupError` catches KeyError)
const EXCEPTION_BASES: ReadonlyMap<string, string> = new Map([
  ['KeyError', 'LookupError'], ['IndexError', 'LookupError'], ['ZeroDivisionError', 'ArithmeticError'], ['OverflowError', 'ArithmeticError'],
  ['FloatingPointError', 'ArithmeticError'], ['FileNotFoundError', 'OSError'], ['FileExistsError', 'OSError'], ['PermissionError', 'OSError'],
  ['IsADirectoryError', 'OSError'], ['NotADirectoryError', 'OSError'], ['InterruptedError', 'OSError'], ['BlockingIOError', 'OSError'],
  ['ConnectionError', 'OSError'], ['BrokenPipeError', 'ConnectionError'], ['TimeoutError', 'OSError'], ['IOError', 'Exception'], ['EnvironmentError', 'Exception'],
  ['UnicodeError', 'ValueError'], ['UnicodeDecodeError', 'UnicodeError'], ['UnicodeEncodeError', 'UnicodeError'],
  ['NotImplementedError', 'RuntimeError'], ['RecursionError', 'RuntimeError'], ['ModuleNotFoundError', 'ImportError'],
  ['OSError', 'Exception'], ['LookupError', 'Exception'], ['ArithmeticError', 'Exception'], ['ValueError', 'Exception'], ['RuntimeError', 'Exception'],
  ['TypeError', 'Exception'], ['AttributeError', 'Exception'], ['NameError', 'Exception'], ['ImportError', 'Exception'], ['AssertionError', 'Exception'],
  ['StopIteration', 'Exception'], ['Exception', 'BaseException'], ['GeneratorExit', 'BaseException'], ['KeyboardInterrupt', 'BaseException'], ['SystemExit', 'BaseException'],
]);

/**
 * Whether the `except` clause may catch what a `raise` of `raised` raises: a bare `except:`, a class that is it
 * or one of its builtin bases (`except Exception`), or anything when the raise names no class withify knows the
 * bases of (`raise err`, `raise MyError`: taken as caught, as before). `except (KeyError, IndexError)` around
 * `raise TypeError` is not.
 */
function handlerCatches(clause: SyntaxNode, raised: string | undefined): boolean {
  let types = clause.namedChildren.find((c) => c.type !== 'block' && !isExtra(c));
  if (!types) return true;
  if (types.type === 'as_pattern') types = types.namedChildren[0];
  if (!types) return true;
  const names = (types.type === 'tuple' || types.type === 'parenthesized_expression' ? types.namedChildren.filter((c) => !isExtra(c)) : [types]).map((n) => n.text.replace(/^builtins\./, ''));
  if (raised === undefined || !EXCEPTION_BASES.has(raised)) return true;
  for (let r: string | undefined = raised; r; r = EXCEPTION_BASES.get(r)) if (names.includes(r)) return true;
  return false;
}

const lineOf = (n: SyntaxNode) => n.startPosition.row + 1;

/**
 * The first statement of `loop`'s body that can leave it before its iterable runs out: a `break` of this loop
 * (a nested loop's `break` is its own, one in a nested loop's `else:` is this one's), a `return`, a `raise` no
 * `try` in the body catches, or a `yield` (the generator holding the loop may be closed there). Code of nested
 * functions, lambdas and classes does not count. `undefined` when the loop only ends by running out.
 */
export function loopExit(loop: SyntaxNode): SyntaxNode | undefined {
  const body = loop.childForFieldName('body');
  if (!body) return undefined;
  const stack = [...body.namedChildren];
  while (stack.length) {
    const n = stack.pop()!;
    if (NESTED_SCOPES.has(n.type)) {
      // (its defaults, annotations and bases run here: `cb = lambda e=(yield): e`)
      stack.push(...partsRunAround(n));
      continue;
    }
    switch (n.type) {
      case 'break_statement': {
        let child: SyntaxNode = n;
        let owner: SyntaxNode | null = n.parent;
        while (owner && !(LOOPS.has(owner.type) && owner.childForFieldName('body')?.id === child.id)) {
          child = owner;
          owner = owner.parent;
        }
        if (owner?.id === loop.id) return n;
        break;
      }
      case 'return_statement':
      case 'yield':
        return n;
      case 'raise_statement':
        if (!caughtWithin(n, body)) return n;
        break;
      // Ex) `if bad: sys.exit(1)`, `self.fail("…")`: they raise (SystemExit, AssertionError), and PyPy runs no
      // abandoned generator's cleanup at exit. (Not in a `try` of the body, which may take it.)
      case 'call':
        if (EXIT_CALLS.has(n.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '') && !inTryWithin(n, body)) return n;
        break;
      default:
        break;
    }
    stack.push(...n.namedChildren);
  }
  return undefined;
}

/** Calls that raise to leave (`SystemExit`, a test's failure), by their text. */
const EXIT_CALLS = new Set(['sys.exit', 'exit', 'quit', 'self.fail', 'pytest.fail', 'pytest.exit', 'pytest.skip']);

/** True when `node` is inside the body of a `try` that is itself inside `body`. */
function inTryWithin(node: SyntaxNode, body: SyntaxNode): boolean {
  for (let p = node.parent; p && p.id !== body.id; p = p.parent) if (p.type === 'try_statement') return true;
  return false;
}

/** True when a `for` or `while` inside `fn` holds `node`. */
function insideLoop(node: SyntaxNode, fn: SyntaxNode): boolean {
  for (let a = node.parent; a && a.id !== fn.id; a = a.parent) if (a.type === 'for_statement' || a.type === 'while_statement') return true;
  return false;
}

/** `except:`, `except BaseException` or `except GeneratorExit` (alone or in a tuple): what `close()` throws in lands there. */
function catchesGeneratorExit(handler: SyntaxNode, names?: NameIndex): boolean {
  const caught = handler.namedChildren.find((c) => c.type !== 'block' && !isExtra(c));
  if (!caught || CATCHES_EXIT.test(caught.text)) return true;
  // Ex) `ANY = (GeneratorExit, ValueError)` / `except ANY:`: a name bound to a value that says it
  return names !== undefined && caught.descendantsOfType('identifier').concat(caught.type === 'identifier' ? [caught] : []).some((id) => {
    if (id.parent?.type === 'attribute' && id.parent.childForFieldName('attribute')?.id === id.id) return false;
    // Ex) `errors.ALL`, `from .errors import ALL as ANY`: a constant's name (not a class's, `ConnectionError`, nor a
    // module's alias of one, `socket.error`) may hold any tuple
    const last = id.parent?.type === 'attribute' ? id.parent.childForFieldName('attribute')?.text ?? id.text : id.text;
    const r = names.resolve(id.text, id);
    if (CONSTANT_LIKE.test(last) && (r.kind === 'import' || id.parent?.type === 'attribute')) return true;
    return r.kind === 'local' && r.bindings.some((b) => {
      let a: SyntaxNode | null = b.node.parent;
      while (a && a.type !== 'assignment' && a.type !== 'augmented_assignment' && a.type !== 'expression_statement' && a.type !== 'block' && a.type !== 'module') a = a.parent;
      // Ex) `ANY += (GeneratorExit,)`, `ANY = _all()`, `ANY = (*BASE, ValueError)`: what it holds is not read here
      if (a?.type === 'augmented_assignment') return true;
      const value = a?.type === 'assignment' ? a.childForFieldName('right') : null;
      if (value === null) return false;
      if (CATCHES_EXIT.test(value.text)) return true;
      return value.type === 'call' || value.descendantsOfType('identifier').some((i) => CONSTANT_LIKE.test(i.text));
    });
  });
}
/** A name written like a constant (`ALL`, `RETRYABLE_ERRORS`), which may hold a tuple, where a class's is `ValueError`. */
const CONSTANT_LIKE = /^_*[A-Z][A-Z0-9_]*$/;
const CATCHES_EXIT = /\b(?:BaseException|GeneratorExit)\b/;

/** A literal whose truth value is false: `False`, `None`, `0`, `0.0`, `""`, `()`, `[]`. */
function falsyLiteral(n: SyntaxNode): boolean {
  n = unwrapParens(n);
  switch (n.type) {
    case 'false':
    case 'none':
      return true;
    case 'integer':
    case 'float':
      return Number(n.text.replace(/_/g, '')) === 0;
    case 'string':
      return /^[A-Za-z]*(''|"")$/.test(n.text);
    case 'tuple':
    case 'list':
      return n.namedChildCount === 0;
    default:
      return false;
  }
}

/** Both operands number literals: `arr / 0` gives inf for a NumPy array, `"%d" % 0` formats. */
const isNumber = (n: SyntaxNode | null): n is SyntaxNode => n !== null && (unwrapParens(n).type === 'integer' || unwrapParens(n).type === 'float');

/**
 * The first code in `region` (`fn`'s own, not inside a `try` with an `except` there) that raises whenever
 * it runs, as words for a message: a `raise` (a bare one only when `bareRaises`: in a handler it re-raises
 * the GeneratorExit, which `close()` takes), then a number literal divided by a literal zero (`1/0`, as
 * CPython's own tests write it; `//`, `%`), an `assert` of a false literal.
 */
function raisingIn(region: SyntaxNode, fn: SyntaxNode, bareRaises: boolean, names?: NameIndex): string | undefined {
  // Ex) `except GeneratorExit as exc:` / `raise exc`: re-raises what it caught, as a bare `raise` does (not when the
  // handler binds the name again)
  const alias = region.type === 'except_clause' ? region.childForFieldName('value')?.childForFieldName('alias')?.namedChildren[0] : undefined;
  // (Every other mention of the name in the handler only reads it: an argument, `exc.args`; anything else, a
  // `for exc in …`, `exc: T = …`, `del exc`, may bind it again)
  const reads = (i: SyntaxNode) => i.parent?.type === 'raise_statement' || i.parent?.type === 'argument_list' || (i.parent?.type === 'attribute' && i.parent.childForFieldName('object')?.id === i.id);
  const isPlainValue = (n: SyntaxNode) => n.type === 'none' || n.type === 'identifier';
  // (`raise exc from None` too, and `raise exc.with_traceback(tb)`, which returns `exc`: a cause or a traceback that
  // runs no code)
  const raised = (r: SyntaxNode): SyntaxNode | undefined => {
    const kids = r.namedChildren.filter((c) => !isExtra(c));
    const cause = r.childForFieldName('cause');
    if (kids.length !== (cause ? 2 : 1) || (cause && !isPlainValue(cause))) return undefined;
    const value = kids[0]!;
    if (value.type === 'identifier') return value;
    const fn = value.type === 'call' ? value.childForFieldName('function') : undefined;
    const args = value.childForFieldName('arguments')?.namedChildren.filter((c) => !isExtra(c)) ?? [];
    if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'with_traceback' || args.length !== 1 || !isPlainValue(args[0]!)) return undefined;
    const object = fn.childForFieldName('object');
    return object?.type === 'identifier' ? object : undefined;
  };
  const reraise = (r: SyntaxNode) =>
    alias?.type === 'identifier' && raised(r)?.text === alias.text &&
    (region.namedChildren.find((c) => c.type === 'block')?.descendantsOfType('identifier').filter((i) => i.text === alias.text) ?? []).every(reads);
  const raise = ownOf(region, 'raise_statement', fn).find((r) => (bareRaises || (r.namedChildCount > 0 && !reraise(r))) && !caughtWithin(r, region));
  if (raise) return `raises (line ${lineOf(raise)})`;
  for (const b of ownOf(region, 'binary_operator', fn)) {
    const op = b.childForFieldName('operator')?.type;
    const right = b.childForFieldName('right');
    if ((op === '/' || op === '//' || op === '%') && isNumber(b.childForFieldName('left')) && isNumber(right) && falsyLiteral(right) && !caughtWithin(b, region)) {
      return `raises ZeroDivisionError (line ${lineOf(b)})`;
    }
  }
  for (const a of ownOf(region, 'assert_statement', fn)) {
    const test = a.namedChildren[0];
    if (test && falsyLiteral(test) && !caughtWithin(a, region)) return `raises AssertionError (line ${lineOf(a)})`;
  }
  // Ex) `finally: open_rows -= 1` with no `global open_rows`: a name of the generator that only augmented assignments
  // bind is never bound where it is read (review rv54b)
  const unbound = names ? onlyAugmented(names, fn) : undefined;
  if (unbound?.size) {
    const read = ownOf(region, 'identifier', fn).find((i) => unbound.has(i.text) && !namesNoVariable(i) && !caughtWithin(i, region));
    if (read) return `raises UnboundLocalError (line ${lineOf(read)}): \`${read.text}\` is bound in the generator only by augmented assignment`;
  }
  return undefined;
}

/**
 * A read in the `finally` `fin` of the `try` `t` of a name of the generator `fn` that every binding binds after the
 * first `yield` of the `try` (`try: yield 1` / `n = 2` / `finally: print(n)`, review rv54d): closed at that `yield`,
 * the `finally` raises UnboundLocalError. Not a parameter, a `global` or `nonlocal` name, one bound before.
 */
function unboundAtFirstYield(t: SyntaxNode, fin: SyntaxNode, fn: SyntaxNode, yields: readonly SyntaxNode[], names: NameIndex): SyntaxNode | undefined {
  const first = yields.filter((y) => within(y, t) && !within(y, fin)).sort((a, b) => a.startIndex - b.startIndex)[0];
  if (!first) return undefined;
  const all = names.bindings(fn);
  const handlers = t.namedChildren.filter((c) => c.type === 'except_clause');
  // (`total = yield "ready"`: bound only once the `yield` returns; review rv54e)
  const after = (b: { node: SyntaxNode }) => b.node.startIndex > first.endIndex || (b.node.parent?.type === 'assignment' && within(first, b.node.parent.childForFieldName('right')));
  return ownOf(fin, 'identifier', fn).find((i) => {
    if (namesNoVariable(i) || caughtWithin(i, fin) || i.startIndex < first.endIndex) return false;
    // (Read whenever the `finally` runs: not under an `if`, a loop or a comprehension of its own, whose own variables
    // or a flag set beside the binding may guard it: `if opened: conn.close()`, review rv54e)
    for (let a = i.parent; a && a.id !== fin.id; a = a.parent) {
      if (/^(?:if_statement|conditional_expression|boolean_operator|while_statement|for_statement|try_statement|list_comprehension|set_comprehension|dictionary_comprehension|generator_expression|lambda)$/.test(a.type)) return false;
    }
    const bs = all.get(i.text);
    // (Not bound in a handler of the same `try`, which runs before the `finally` at the close: `except GeneratorExit:`)
    return !!bs?.length && bs.every((b) => (b.kind === 'assign' || b.kind === 'other' || b.kind === 'def' || b.kind === 'class' || b.kind === 'import') && after(b) && !within(b.node, fin) && !handlers.some((h) => within(b.node, h)));
  });
}

/** The names of the function `fn` that only augmented assignments (`n += 1`) bind: never bound where they are read. */
function onlyAugmented(names: NameIndex, fn: SyntaxNode): Set<string> {
  const out = new Set<string>();
  for (const [name, bs] of names.bindings(fn)) {
    if (bs.length && bs.every((b) => b.kind === 'assign' && b.node.parent?.type === 'augmented_assignment' && b.node.parent.childForFieldName('left')?.id === b.node.id)) out.add(name);
  }
  return out;
}

/** An identifier that names no variable: an attribute's name (`x.n`), a keyword argument's (`f(n=1)`). */
function namesNoVariable(id: SyntaxNode): boolean {
  const p = id.parent;
  if (p?.type === 'attribute') return p.childForFieldName('attribute')?.id === id.id;
  if (p?.type === 'keyword_argument') return p.childForFieldName('name')?.id === id.id;
  return false;
}

/**
 * Why closing the generator function `fn` (whose own yields are `yields`) may raise in its caller, as its
 * code shows, or undefined. `close()` (`aclose()`) throws GeneratorExit in at the suspended `yield`: a
 * `finally` pending there that raises, or yields (RuntimeError: the generator ignored GeneratorExit); a
 * handler that catches GeneratorExit and raises, yields, or goes on to a later `yield` or `raise`
 * (`raisingIn`). CPython closed an abandoned generator when it dropped it and only printed what that
 * raised ("Exception ignored in"); an explicit close raises it where the loop was left. Cleanup that calls
 * code which raises does not show.
 */
export function closeRaisesReason(fn: SyntaxNode, yields: readonly SyntaxNode[], names?: NameIndex): string | undefined {
  for (const t of ownOf(fn, 'try_statement', fn)) {
    const body = t.childForFieldName('body');
    const fin = t.namedChildren.find((c) => c.type === 'finally_clause');
    // Suspended anywhere in the try but its `finally`, the `finally` is pending.
    if (fin && yields.some((y) => within(y, t) && !within(y, fin))) {
      const raises = raisingIn(fin, fn, true, names);
      if (raises) return `its \`finally\` ${raises}`;
      const y = yields.find((y) => within(y, fin));
      if (y) return `its \`finally\` yields (line ${lineOf(y)}): closing it raises RuntimeError`;
      const swallowed = leavesFinally(fin, fn, yields);
      if (swallowed) return swallowed;
      const unbound = names ? unboundAtFirstYield(t, fin, fn, yields, names) : undefined;
      if (unbound) return `its \`finally\` raises UnboundLocalError (line ${lineOf(unbound)}): \`${unbound.text}\` is bound only after the generator's first \`yield\` in the \`try\`, where a close may find it`;
    }
    if (!yields.some((y) => within(y, body))) continue;
    for (const h of t.namedChildren) {
      if (h.type !== 'except_clause' || !catchesGeneratorExit(h, names)) continue;
      const header = h.text.slice(0, h.text.indexOf(':')).replace(/\s+/g, ' ');
      const raises = raisingIn(h, fn, false, names);
      if (raises) return `its \`${header}:\` ${raises}`;
      const y = yields.find((y) => within(y, h));
      if (y) return `its \`${header}:\` yields (line ${lineOf(y)}): closing it raises RuntimeError`;
      const block = h.namedChildren.find((c) => c.type === 'block');
      const last = block?.namedChildren.filter((c) => !isExtra(c)).at(-1);
      if (last && (last.type === 'raise_statement' || last.type === 'return_statement')) continue;
      const goesOn = goesOnReason(fn, yields, t, header, lineOf(h), 'catching');
      if (goesOn) return goesOn;
    }
  }
  // Ex) `with suppress(BaseException): yield i` in a loop: the GeneratorExit is swallowed like `except
  // BaseException: pass`, and the next `yield` makes close() raise.
  for (const w of ownOf(fn, 'with_statement', fn)) {
    const body = w.childForFieldName('body');
    if (!body || !yields.some((y) => within(y, body))) continue;
    const item = w.descendantsOfType('with_item').find((i) => holderOf(i)?.id === fn.id && suppressesGeneratorExit(i, names));
    if (!item) continue;
    const goesOn = goesOnReason(fn, yields, w, `with ${item.text.replace(/\s+/g, ' ')}`, lineOf(w), 'swallowing');
    if (goesOn) return goesOn;
  }
  return undefined;
}

/**
 * Why a `continue` or `break` in the `finally` clause `fin` makes close() raise: it ends the `finally` early,
 * which drops the GeneratorExit close() threw in, and the generator runs on. `continue` goes to the next
 * iteration of a loop around the `try`, which may yield again (RuntimeError); `break` leaves that loop, and
 * raises only when a `yield` or `raise` may come after it. A `return` there ends the generator: close() is fine.
 */
function leavesFinally(fin: SyntaxNode, fn: SyntaxNode, yields: readonly SyntaxNode[]): string | undefined {
  for (const jump of [...ownOf(fin, 'continue_statement', fn), ...ownOf(fin, 'break_statement', fn)]) {
    const loop = loopOf(jump, fn);
    // Ex) `finally: for x in xs: … break`: a loop inside the `finally` is left, the `finally` goes on.
    if (!loop || within(loop, fin)) continue;
    const word = jump.type === 'continue_statement' ? 'continue' : 'break';
    // Ex) `for i in range(n): try: yield i` / `finally: log(i); continue`
    if (word === 'continue') return `its \`finally\` swallows GeneratorExit with \`continue\` (line ${lineOf(jump)}) and may yield again: closing it raises RuntimeError`;
    // Ex) `for i in …: try: yield i` / `finally: break`, then `yield "tail"` after the loop
    const goesOn = goesOnReason(fn, yields, loop, 'finally', lineOf(jump), 'swallowing (`break`)');
    if (goesOn) return goesOn;
  }
  return undefined;
}

/** The `for`/`while` loop a `break` or `continue` belongs to, inside `fn`. */
function loopOf(jump: SyntaxNode, fn: SyntaxNode): SyntaxNode | undefined {
  let child = jump;
  for (let a = jump.parent; a && a.id !== fn.id; child = a, a = a.parent) {
    if (LOOPS.has(a.type) && a.childForFieldName('body')?.id === child.id) return a;
  }
  return undefined;
}

/**
 * Why a generator goes on after `region` caught GeneratorExit (a handler that ends without `raise` or
 * `return`, or a `with suppress(…)` block), so that close() raises: a loop around it or a later `yield`
 * (RuntimeError), or a later `raise`.
 */
function goesOnReason(fn: SyntaxNode, yields: readonly SyntaxNode[], region: SyntaxNode, header: string, line: number, how: string): string | undefined {
  // Ex) `while True: try: yield x … except GeneratorExit: pass`: the next `yield` makes close() raise.
  if (insideLoop(region, fn) || yields.some((y) => y.startIndex >= region.endIndex)) {
    return `its \`${header}:\` (line ${line}) goes on after ${how} GeneratorExit and may yield again: closing it raises RuntimeError`;
  }
  // Ex) `except GeneratorExit: pass` and then `raise Done()`: close() raises Done.
  const later = ownOf(fn, 'raise_statement', fn).find((r) => r.startIndex >= region.endIndex && !caughtWithin(r, fn));
  if (later) return `its \`${header}:\` (line ${line}) goes on after ${how} GeneratorExit to the \`raise\` of line ${lineOf(later)}`;
  return undefined;
}

/**
 * A `with` item `suppress(…)` (`contextlib.suppress`, any spelling, or a name `names` resolves to it:
 * `from contextlib import suppress as quiet`) given `BaseException` or `GeneratorExit`.
 */
function suppressesGeneratorExit(item: SyntaxNode, names?: NameIndex): boolean {
  const value = item.childForFieldName('value');
  // (`async with` calls `__aexit__`, `with` `__exit__`)
  const w = withOf(item);
  const exit = w && startsAsync(w) ? '__aexit__' : '__exit__';
  return !!value && managersOf(value).some((m) => swallows(m, names, exit));
}

/**
 * The context-manager expressions a `with` item's value stands for: through parentheses and `as` (`with (Quiet() as
 * q):`), each item of `with (\n Quiet(),\n):` (which tree-sitter reads as a tuple), both branches of `A() if c else
 * B()`.
 */
function managersOf(value: SyntaxNode): SyntaxNode[] {
  const v = unwrapParens(value);
  if (v.type === 'as_pattern') return v.namedChildren[0] ? managersOf(v.namedChildren[0]) : [];
  // Ex) `with (q := Quiet()):`
  if (v.type === 'named_expression') {
    const inner = v.childForFieldName('value');
    return inner ? managersOf(inner) : [];
  }
  if (v.type === 'tuple') return v.namedChildren.filter((c) => !isExtra(c)).flatMap(managersOf);
  if (v.type === 'conditional_expression') {
    const [body, , orelse] = v.namedChildren.filter((c) => !isExtra(c));
    return [...(body ? managersOf(body) : []), ...(orelse ? managersOf(orelse) : [])];
  }
  return [v];
}

/**
 * The context managers around a `yield` of `fn` whose `__exit__` this module cannot read, after which the generator may
 * go on (a loop around the `with`, or a `yield` after it: `goesOnReason`): a call of a name imported from another
 * module (`with logged_errors(p):`, `with errs.Quiet():`), or of a class of the module's top level that may inherit its
 * `__exit__` (`class QuietTask(base.Quiet)`). `mergeModuleFacts` reads whether one swallows GeneratorExit (review
 * rv54c: the close of a fix raised RuntimeError where CPython printed "Exception ignored").
 */
function swallowCandidates(fn: SyntaxNode, yields: readonly SyntaxNode[], names: NameIndex, loc: ModuleLocation): Array<{ manager: string; reason: string }> {
  const out: Array<{ manager: string; reason: string }> = [];
  for (const w of ownOf(fn, 'with_statement', fn)) {
    const body = w.childForFieldName('body');
    if (!body || !yields.some((y) => within(y, body))) continue;
    for (const item of w.descendantsOfType('with_item')) {
      if (holderOf(item)?.id !== fn.id) continue;
      const value = item.childForFieldName('value');
      for (const m of value ? managersOf(value) : []) {
        const callee = m.type === 'call' ? m.childForFieldName('function') : null;
        const manager = callee ? managerKey(callee, names, loc) : undefined;
        if (!manager) continue;
        const goesOn = goesOnReason(fn, yields, w, `with ${item.text.replace(/\s+/g, ' ')}`, lineOf(w), 'swallowing');
        if (goesOn) out.push({ manager, reason: goesOn.replace(' goes on after swallowing GeneratorExit', ` may swallow GeneratorExit (\`${callee!.text.replace(/\s+/g, '')}\` of \`${manager.slice(0, manager.lastIndexOf('.'))}\`), then go on`) });
      }
    }
  }
  return out;
}

/** The dotted name a `with` item's callee reaches in another module (`Quiet` imported, `errs.Quiet`), or a top-level class of this one. */
function managerKey(callee: SyntaxNode, names: NameIndex, loc: ModuleLocation): string | undefined {
  const parts: string[] = [];
  let head: SyntaxNode | null = callee;
  while (head?.type === 'attribute') {
    parts.unshift(head.childForFieldName('attribute')?.text ?? '');
    head = head.childForFieldName('object');
  }
  if (head?.type !== 'identifier') return undefined;
  const r = names.resolve(head.text, head);
  if (r.kind === 'import') {
    const base = absoluteName(r.qualified, loc);
    return base === undefined ? undefined : [base, ...parts].join('.');
  }
  // Ex) `class QuietTask(base.Quiet): pass` … `with QuietTask():` (its own `__exit__`, if any, was read here)
  if (r.kind === 'local' && !parts.length && r.scope.type === 'module' && r.bindings.length === 1 && r.bindings[0]!.kind === 'class') return `${loc.moduleName}.${head.text}`;
  return undefined;
}

/**
 * The top-level classes of `text` with an `__exit__` or `__aexit__` that may return something true (a `return` of anything
 * but nothing, `None` or `False`; or one bound otherwise, `__exit__ = …`), and its top-level `@contextmanager` functions
 * with a handler that may catch GeneratorExit (a bare `except:`, one naming `BaseException` or `GeneratorExit`) and does
 * not end in `raise`, or a `finally` that returns, breaks or continues: read from the lines, taking more rather than
 * fewer (a swallower only makes a fix unsafe).
 */
const SWALLOWER_HINT = /\bdef[ \t]+__a?exit__\b|\b__a?exit__[ \t]*=(?!=)|@[ \t]*(?:[\w.]+\.)?(?:async)?contextmanager\b/;

export function swallowersFromText(text: string): string[] {
  // (A file that defines neither: most that say `__exit__` call it or name it; one pattern, then the outline)
  if ((!text.includes('exit__') && !text.includes('contextmanager')) || !SWALLOWER_HINT.test(text)) return [];
  // (The outline's logical lines: a signature or a class header over lines is one, a string or a comment is no code)
  const o = outlineOf(text);
  const lines = o.begin.length;
  const endOf = (k: number) => (k + 1 < lines ? o.begin[k + 1]! : text.length);
  /** The code offsets in line `k` (its own text, not its block's) where `word` starts. */
  const words = (k: number, word: RegExp): number[] => {
    const out: number[] = [];
    const re = new RegExp(word.source, 'g');
    re.lastIndex = o.first[k]!;
    for (let m = re.exec(text); m && m.index < endOf(k); m = re.exec(text)) if (!inNoncode(o, m.index)) out.push(m.index);
    return out;
  };
  /** A `return` in line `k` of something that may be true: anything but nothing, `None` or `False` (to `;`, the line's end or a comment). */
  const returnsTruthy = (k: number) =>
    words(k, /\breturn\b/).some((at) => {
      // (To the line's end, a `;` of code, or a comment's `#`: the value's own strings are noncode too, but not the
      // character before a comment)
      const ends = (i: number) => text[i] === '\n' || text[i] === '\r' || (text[i] === ';' && !inNoncode(o, i)) || (text[i] === '#' && inNoncode(o, i) && !inNoncode(o, i - 1));
      let stop = at + 6;
      while (stop < endOf(k) && !ends(stop)) stop++;
      const value = text.slice(at + 6, stop).trim();
      return value !== '' && value !== 'None' && value !== 'False';
    });
  /** The lines of line `k`'s block, in order. */
  const blockLines = (k: number): number[] => {
    const out: number[] = [];
    for (let c = k + 1; c < lines && o.begin[c]! < o.blockEnd[k]!; c++) out.push(c);
    return out;
  };
  /** Line `c` sits, below line `top`, under a line whose first word `header` matches (a loop, a def of its own). */
  const under = (c: number, top: number, header: RegExp) => {
    for (let a = o.parent[c]!; a > top; a = o.parent[a]!) if (header.test(text.slice(o.first[a]!, endOf(a)))) return true;
    return false;
  };
  const starts = (k: number, re: RegExp) => re.test(text.slice(o.first[k]!, Math.min(endOf(k), o.first[k]! + 40)));
  const out = new Set<string>();
  for (let k = 0; k < lines; k++) {
    const p = o.parent[k]!;
    // Ex) `class Quiet:` / `def __exit__(self, *exc): return True`, or `__exit__ = lambda self, *exc: True`
    if (p >= 0 && o.parent[p] === -1 && o.kind[p] === LineKind.Class) {
      const name = o.kind[k] === LineKind.Def ? definedName(text, o, k) : undefined;
      const bound = o.kind[k] === LineKind.Other && starts(k, /^__a?exit__[ \t]*=(?!=)/);
      if (!bound && name !== '__exit__' && name !== '__aexit__') continue;
      // (Its own line too: `def __exit__(self, *exc): return True`, `…: self.n = 1; return True`; `if q: return True` below)
      if (bound || returnsTruthy(k) || blockLines(k).some(returnsTruthy)) out.add(definedName(text, o, p)!);
      continue;
    }
    // Ex) `@contextmanager` / `def ignoring():` / `try: yield` / `except BaseException: pass`
    if (o.parent[k] !== -1 || o.kind[k] !== LineKind.Decorator || !starts(k, /^@[ \t]*(?:[\w.]+\.)?(?:async)?contextmanager\b/)) continue;
    let d = k + 1;
    while (d < lines && o.kind[d] === LineKind.Decorator) d++;
    if (d >= lines || o.kind[d] !== LineKind.Def) continue;
    const name = definedName(text, o, d);
    const body = blockLines(d);
    /** The `try` of the clause at line `c` (one of its siblings before it) holds a `yield` (`try: yield` on one line too). */
    const guardsYield = (c: number): boolean => {
      for (let t = c - 1; t > d; t--) {
        if (o.parent[t] !== o.parent[c]) continue;
        if (starts(t, /^try[ \t]*:/)) return blockLines(t).concat(t).some((y) => words(y, /\byield\b/).length > 0);
        if (!starts(t, /^(?:except\b|else[ \t]*:)/)) return false;
      }
      return false;
    };
    // (A `return` of a def the clause holds is that def's; a `break` or `continue` of a loop the clause holds, that loop's)
    // (A line's own header counts: `for h in hs: break`, `def f(): return 1`)
    const inOwn = (c: number, clause: number, header: RegExp) => (c !== clause && starts(c, header)) || under(c, clause, header);
    const leaves = (c: number, clause: number) =>
      words(c, /\breturn\b/).length > 0 ? !inOwn(c, clause, /^(?:async[ \t]+)?def\b|^class\b/) : words(c, /\b(?:break|continue)\b/).length > 0 && !inOwn(c, clause, /^(?:async[ \t]+)?(?:for|while)\b|^(?:async[ \t]+)?def\b/);
    const swallows = body.some((c) => {
      if (starts(c, /^finally[ \t]*:/)) return guardsYield(c) && [c, ...blockLines(c)].some((f) => leaves(f, c));
      if (!starts(c, /^except[ \t]*(?::|[^:]*\b(?:BaseException|GeneratorExit)\b)/) || !guardsYield(c)) return false;
      // (A `return`, or a `break`/`continue` out of a loop around the `try`, anywhere in it, before a last `raise` too;
      // or a handler that does not end in `raise`)
      const handler = blockLines(c);
      const last = [c, ...handler].filter((h) => h === c || o.parent[h] === c).at(-1)!;
      return [c, ...handler].some((h) => leaves(h, c)) || !(last !== c ? starts(last, /^raise\b/) : words(c, /\braise\b/).length > 0);
    });
    if (name && swallows) out.add(name);
  }
  return [...out];
}

/**
 * The context manager `value` (one of `managersOf`) swallows GeneratorExit: `suppress(BaseException)`, a call of a
 * swallowing class or `@contextmanager` of the module (`swallowingCallee`), or a name the module binds to such a call
 * (`QUIET = Quiet()` … `with QUIET:`).
 */
function swallows(value: SyntaxNode, names: NameIndex | undefined, exit: '__exit__' | '__aexit__'): boolean {
  if (value.type === 'identifier' && names) {
    const r = names.resolve(value.text, value);
    return r.kind === 'local' && r.bindings.some((b) => {
      const assignment = b.kind === 'assign' ? b.node.parent : null;
      const right = assignment?.type === 'assignment' && assignment.childForFieldName('left')?.id === b.node.id ? assignment.childForFieldName('right') : null;
      return !!right && right.type !== 'identifier' && managersOf(right).some((m) => m.type === 'call' && swallows(m, names, exit));
    });
  }
  if (value.type !== 'call') return false;
  // Ex) `with LogErrors():`, `with ignoring():`: a class of the module whose `__exit__` may return true, a
  // `@contextmanager` of the module that catches GeneratorExit around its `yield` and goes on
  const fn = value.childForFieldName('function');
  if (names && fn && swallowingCallee(fn, names, exit)) return true;
  if (!/\b(?:BaseException|GeneratorExit)\b/.test(value.childForFieldName('arguments')?.text ?? '')) return false;
  const callee = value.childForFieldName('function')?.text ?? '';
  return /(?:^|\.)suppress$/.test(callee.replace(/\s+/g, '')) || (names !== undefined && calleeName(names, value) === 'contextlib.suppress');
}

/**
 * True when `fn` (a `with` item's callee) names a class of the module whose `__exit__` may return true, or a
 * `@contextmanager` function of the module that swallows what is thrown in at its `yield`: by a plain name, or as
 * `Outer.Inner` for a class nested in a class of the module.
 */
function swallowingCallee(fn: SyntaxNode, names: NameIndex, exit: '__exit__' | '__aexit__' = '__exit__', alias = true): boolean {
  const head = fn.type === 'attribute' ? fn.childForFieldName('object') : fn;
  if (head?.type !== 'identifier') return false;
  const r = names.resolve(head.text, head);
  if (r.kind !== 'local') return false;
  const attr = fn.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
  return r.bindings.some((b) => {
    // Ex) `QuietAlias = Quiet` / `with QuietAlias():` (one step of aliasing)
    if (!attr && alias && b.kind === 'assign') {
      const assignment = b.node.parent;
      const right = assignment?.type === 'assignment' && assignment.childForFieldName('left')?.id === b.node.id ? assignment.childForFieldName('right') : null;
      const to = right ? unwrapParens(right) : undefined;
      if (to && (to.type === 'identifier' || to.type === 'attribute') && swallowingCallee(to, names, exit, false)) return true;
    }
    if (!attr) return (b.kind === 'class' && exitMayReturnTrue(b.node, exit)) || (b.kind === 'def' && contextManagerSwallows(b.node, names));
    if (b.kind !== 'class') return false;
    return (b.node.childForFieldName('body')?.namedChildren ?? []).some((st) => {
      const d = st.type === 'decorated_definition' ? st.childForFieldName('definition') : st;
      if (d?.childForFieldName('name')?.text !== attr) return false;
      return (d.type === 'class_definition' && exitMayReturnTrue(d, exit)) || (d.type === 'function_definition' && contextManagerSwallows(d, names));
    });
  });
}

/**
 * The class `cls` (a `class_definition`) has an `__exit__` or `__aexit__` of its own that may return something true
 * (the coroutine of an `async def __aexit__` returns it to `async with`), or binds one otherwise (`__exit__ = lambda
 * self, *exc: True`, `__exit__ = _quiet`): taken as one that may.
 */
function exitMayReturnTrue(cls: SyntaxNode, exit: '__exit__' | '__aexit__' = '__exit__'): boolean {
  const body = cls.childForFieldName('body');
  const said = new RegExp(`(?:^|[\\s,(])${exit}\\b`);
  for (const s of body?.namedChildren ?? []) {
    if (s.type === 'expression_statement' && s.text.includes(exit)) {
      const a = s.namedChildren.find((c) => !isExtra(c));
      if (a?.type === 'assignment' && said.test(a.childForFieldName('left')?.text ?? '')) return true;
      continue;
    }
    const def = s.type === 'decorated_definition' ? s.childForFieldName('definition') : s;
    const name = def?.type === 'function_definition' ? def.childForFieldName('name')?.text : undefined;
    if (name !== exit) continue;
    // (`return`, `return None`, `return False` let the exception go on; anything else may be true)
    if (ownOf(def!, 'return_statement', def!).some((r) => {
      const v = r.namedChildren.find((c) => !isExtra(c));
      return !!v && v.type !== 'none' && v.type !== 'false';
    })) return true;
  }
  return false;
}

/**
 * The function `def` (a `function_definition`) is decorated `@contextmanager` and catches GeneratorExit (a bare
 * `except:`, `except BaseException`, `except GeneratorExit`) around its `yield` in a handler that does not end in
 * `raise`: the `with` block's GeneratorExit is swallowed there.
 */
function contextManagerSwallows(def: SyntaxNode, names: NameIndex): boolean {
  const decorated = def.parent?.type === 'decorated_definition' ? def.parent : undefined;
  if (!decorated || !decorated.namedChildren.some((d) => d.type === 'decorator' && /(?:^|\.)contextmanager$/.test(d.text.replace(/^@\s*/, '').replace(/\s+/g, '')))) return false;
  for (const t of ownOf(def, 'try_statement', def)) {
    const body = t.childForFieldName('body');
    if (!body || !ownOf(body, 'yield', def).length) continue;
    for (const h of t.namedChildren) {
      // Ex) `finally: return`: leaving the `finally` drops what was thrown in (not a `break` of a loop inside it)
      if (h.type === 'finally_clause' && (ownOf(h, 'return_statement', def).length || [...ownOf(h, 'break_statement', def), ...ownOf(h, 'continue_statement', def)].some((j) => { const loop = loopOf(j, def); return !loop || !within(loop, h); }))) return true;
      if (h.type !== 'except_clause' || !catchesGeneratorExit(h, names)) continue;
      const last = h.namedChildren.find((c) => c.type === 'block')?.namedChildren.filter((c) => !isExtra(c)).at(-1);
      if (last?.type !== 'raise_statement') return true;
    }
  }
  // Ex) `with suppress(BaseException): yield` (its own items only; another context manager of the module used here is
  // not read again: that would read chains of them, deep and wide)
  for (const w of ownOf(def, 'with_statement', def)) {
    const body = w.childForFieldName('body');
    if (!body || !ownOf(body, 'yield', def).length) continue;
    if (w.descendantsOfType('with_item').some((i) => withOf(i)?.id === w.id && suppressesGeneratorExit(i))) return true;
  }
  return false;
}

/**
 * Where the cleanup of the async generator `fn` awaits, or `undefined`: a `finally` or `except` clause of a `try`
 * around one of its `yield`s that awaits (`await`, `async with`, `async for`), or an `async with` around one
 * (its exit is awaited). CPython ran such cleanup later, in a task of its own (the event loop's finalizer hook);
 * `await agen.aclose()` runs it in the caller's task, under the locks it holds and the timeouts around it.
 */
export function cleanupAwaitsReason(fn: SyntaxNode, yields: readonly SyntaxNode[], names?: NameIndex, seen = new Set<number>()): string | undefined {
  const awaitsIn = (region: SyntaxNode) =>
    // (`[t async for t in ticks()]`: a comprehension's `async for` awaits too)
    ownOf(region, 'await', fn).find((a) => !names || !closesWithoutSuspending(a, names, seen)) ??
    [...ownOf(region, 'with_statement', fn), ...ownOf(region, 'for_statement', fn), ...ownOf(region, 'for_in_clause', fn)].find(startsAsync);
  for (const t of ownOf(fn, 'try_statement', fn)) {
    const body = t.childForFieldName('body');
    // A `yield` in the body: its handlers and its `finally` may run at the close; one in a handler or the `else:`
    // (`except KeyError: yield 1`): the `finally` does
    const inBody = !!body && yields.some((y) => within(y, body));
    const inRest = t.namedChildren.some((c) => c.type !== 'finally_clause' && c.id !== body?.id && yields.some((y) => within(y, c)));
    if (!inBody && !inRest) continue;
    for (const clause of t.namedChildren) {
      if (clause.type !== 'finally_clause' && (clause.type !== 'except_clause' || !inBody)) continue;
      // Ex) `finally: async with lock: …`, `finally: await conn.close()`
      const at = awaitsIn(clause);
      if (at) return `its \`${clause.type === 'finally_clause' ? 'finally' : 'except'}\` awaits (line ${lineOf(at)})`;
    }
  }
  // Ex) `async with session.get(url) as r: yield r`: the exit is awaited
  const w = ownOf(fn, 'with_statement', fn).find((w) => startsAsync(w) && yields.some((y) => within(y, w.childForFieldName('body') ?? w)) && !exitsWithoutAwait(w, names));
  if (w) return `its \`async with\` (line ${lineOf(w)}) exits by awaiting`;
  return contextChangeReason(fn, yields, names);
}

/** The whole text of `node`'s tree, read from tree-sitter once per tree (each async generator of a file asks). */
function treeText(node: SyntaxNode): string {
  let text = treeTexts.get(node.tree);
  if (text === undefined) treeTexts.set(node.tree, (text = node.tree.rootNode.text));
  return text;
}
const treeTexts = new WeakMap<object, string>();

/**
 * Where the cleanup of the async generator `fn` changes context variables (review rv54c): `cv.reset(token)`,
 * `cv.set(x)` on a `ContextVar` of the module, `decimal.setcontext(…)`, `context.detach(token)` in a `finally` or
 * `except` around a `yield`, or a `with localcontext():` around one. CPython's finalizer hook ran the cleanup in a task
 * of its own, on a copy of the caller's context; `await agen.aclose()` runs it in the caller's, whose variables it
 * then changes (`1/3` printed with another precision after the loop). A phrase `awaitsNote` tells apart.
 */
function contextChangeReason(fn: SyntaxNode, yields: readonly SyntaxNode[], names?: NameIndex): string | undefined {
  if (!/\b(?:reset|set|setcontext|detach|localcontext)\b/.test(fn.text)) return undefined;
  const source = treeText(fn);
  // (A file that speaks of context variables: a `.reset(t)` or `.detach(t)` there gives a token back, review rv54d)
  const saysContext = /\bContextVar\b|\bcontextvars\b|\bopentelemetry\b|\.\s*(?:attach|detach)\s*\(/.test(source);
  // Ex) `token = request_id.set(rid)` … `request_id.reset(token)`: `set` returning a token is a ContextVar's (an imported
  // one, a parameter; review rv54e)
  const tokenOf = (receiver: string) => new RegExp(`=[ \\t]*${escapeRegExp(receiver)}[ \\t]*\\.[ \\t]*set[ \\t]*\\(`).test(fn.text);
  // Ex) `current = ContextVar("c")`, `current: ContextVar[str] = ContextVar(…)`, `Ctx.current = contextvars.ContextVar[str]("c")`
  const boundToContextVar = (name: string) => new RegExp(`\\b${escapeRegExp(name)}[ \\t]*(?::[^=\\n]*)?=[ \\t]*[\\w.]*ContextVar\\b`).test(source);
  const isContextVar = (n: SyntaxNode | null): boolean => {
    if (n?.type === 'attribute') return boundToContextVar(n.childForFieldName('attribute')?.text ?? '');
    if (n?.type !== 'identifier') return false;
    const r = names?.resolve(n.text, n);
    // (Imported, `from .ctx import current_job`: what it is does not show; a file that speaks of context variables,
    // or a name that says it is one, is taken as one)
    if (r?.kind === 'import') return saysContext || /(?:^current_|_(?:var|ctx|context)$)/i.test(n.text);
    return boundToContextVar(n.text);
  };
  const changes = (region: SyntaxNode) =>
    ownOf(region, 'call', fn).find((c) => {
      const f = c.childForFieldName('function');
      const args = (c.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => !isExtra(a));
      const name = f?.type === 'attribute' ? f.childForFieldName('attribute')?.text : f?.text;
      if (name === 'setcontext') return true;
      if (f?.type !== 'attribute' || args.length !== 1) return false;
      // Ex) `current_job.reset(token)`, `otel_context.detach(token)`, `current.reset(tokens.pop())`: a token given back
      const receiver = f.childForFieldName('object');
      if (name === 'reset' || name === 'detach') return saysContext || isContextVar(receiver) || (!!receiver && tokenOf(receiver.text));
      return name === 'set' && (isContextVar(receiver) || (!!receiver && tokenOf(receiver.text)));
    });
  for (const t of ownOf(fn, 'try_statement', fn)) {
    const body = t.childForFieldName('body');
    if (!body || !yields.some((y) => within(y, t) && !t.namedChildren.some((c) => c.type === 'finally_clause' && within(y, c)))) continue;
    for (const clause of t.namedChildren) {
      if (clause.type !== 'finally_clause' && clause.type !== 'except_clause') continue;
      const at = changes(clause);
      if (at) return `its \`${clause.type === 'finally_clause' ? 'finally' : 'except'}\` changes a context variable (\`${at.text.replace(/\s+/g, ' ').slice(0, 60)}\`, line ${lineOf(at)})`;
    }
  }
  const local = ownOf(fn, 'with_statement', fn).find((w) => yields.some((y) => within(y, w.childForFieldName('body') ?? w)) && /\blocalcontext\s*\(/.test(w.text.slice(0, (w.childForFieldName('body') ?? w).startIndex - w.startIndex)));
  return local ? `its \`with localcontext()\` (line ${lineOf(local)}) changes a context variable as it exits` : undefined;
}

/**
 * True when the `await` `w` is `await it.aclose()` on a name bound once, by `it = rows(…)`, to a call of an async
 * generator function of this module whose own cleanup never awaits: closing it runs to its end in one step, as
 * CPython's finalizer hook did (generator-close's own fix writes such a `finally`: `it = rows(n)` … `await
 * it.aclose()`). `seen`: the functions being asked, around this one (`rows` closing `outer` closing `rows`).
 */
function closesWithoutSuspending(w: SyntaxNode, names: NameIndex, seen: Set<number>): boolean {
  const call = unwrapParens(w.namedChildren.find((c) => !isExtra(c)) ?? w);
  const f = call.type === 'call' ? call.childForFieldName('function') : null;
  if (f?.type !== 'attribute' || f.childForFieldName('attribute')?.text !== 'aclose' || call.childForFieldName('arguments')?.namedChildren.some((c) => !isExtra(c))) return false;
  const obj = f.childForFieldName('object');
  if (obj?.type !== 'identifier' || rebindsElsewhere(names, obj.text)) return false;
  const r = names.resolve(obj.text, obj);
  if (r.kind !== 'local' || r.bindings.length !== 1 || r.bindings[0]!.kind !== 'assign') return false;
  const target = r.bindings[0]!.node;
  const assignment = target.parent;
  if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.id !== target.id) return false;
  const value = assignment.childForFieldName('right');
  const callee = value?.type === 'call' ? value.childForFieldName('function') : null;
  if (callee?.type !== 'identifier' || rebindsElsewhere(names, callee.text)) return false;
  const d = names.resolve(callee.text, callee);
  if (d.kind !== 'local' || d.bindings.length !== 1 || d.bindings[0]!.kind !== 'def') return false;
  const def = d.bindings[0]!.node;
  if (def.type !== 'function_definition' || !startsAsync(def) || isWrappedByDecorator(def) || seen.has(def.id)) return false;
  const yields = ownOf(def, 'yield', def);
  if (!yields.length) return false;
  seen.add(def.id);
  const quiet = cleanupAwaitsReason(def, yields, names, seen) === undefined;
  seen.delete(def.id);
  return quiet;
}

/**
 * True when every item of the `async with` `w` is a call of a class of this module whose own `__aexit__` never
 * awaits (`class Ctx: async def __aexit__(self, *exc): log.append(…)`): its exit runs to the end in one step.
 */
function exitsWithoutAwait(w: SyntaxNode, names?: NameIndex): boolean {
  if (!names) return false;
  const items = w.descendantsOfType('with_item').filter((i) => i.parent?.parent?.id === w.id || i.parent?.parent?.parent?.id === w.id);
  return items.length > 0 && items.every((item) => {
    let value = item.childForFieldName('value');
    if (value?.type === 'as_pattern') value = value.namedChildren[0] ?? null;
    const callee = value?.type === 'call' ? value.childForFieldName('function') : null;
    if (callee?.type !== 'identifier' || rebindsElsewhere(names, callee.text)) return false;
    const r = names.resolve(callee.text, callee);
    const cls = r.kind === 'local' && r.bindings.length === 1 && r.bindings[0]!.kind === 'class' ? r.bindings[0]!.node : undefined;
    // Ex) `@register class Calm:`, `Calm.__aexit__ = slow_exit`, `setattr(Calm, "__aexit__", …)`: the exit may be another
    if (!cls || cls.parent?.type === 'decorated_definition' || EXIT_SET.test(names.text)) return false;
    // Ex) `setattr(Calm, name, slow_exit)`, `type.__setattr__(Calm, "__aexit__", …)`: any attribute set on the class by name
    const n = escapeRegExp(callee.text);
    if (new RegExp(`(?:\\bsetattr|__setattr__)\\s*\\(\\s*${n}\\b`).test(names.text)) return false;
    // The class body's only statement saying `__aexit__`, an `async def` (a plain def returns what `async with`
    // awaits; a second def or `__aexit__ = other` replaces it)
    const sayers = cls?.childForFieldName('body')?.namedChildren.filter((d) => /\b__aexit__\b/.test(d.text)) ?? [];
    const exit = sayers.length === 1 && sayers[0]!.type === 'function_definition' && sayers[0]!.childForFieldName('name')?.text === '__aexit__' ? sayers[0] : undefined;
    if (!exit || !startsAsync(exit)) return false;
    return !exit.descendantsOfType('await').length && ![...exit.descendantsOfType('with_statement'), ...exit.descendantsOfType('for_statement'), ...exit.descendantsOfType('for_in_clause')].some(startsAsync);
  });
}

/** `X.__aexit__ = …`, `setattr(X, "__aexit__", …)`: an exit set from outside its class. */
const EXIT_SET = /\.[ \t]*__aexit__[ \t]*=(?!=)|\bsetattr[ \t]*\([^)]*['"]__aexit__['"]/;

/**
 * True when a `global` or `nonlocal` statement of the file names `name` (`def configure(): global it; it = slow()`):
 * a function may bind it again, where the bindings `names.resolve` gives do not show it.
 */
function rebindsElsewhere(names: NameIndex, name: string): boolean {
  return names.declaredGlobal(name) || names.declaredNonlocal(name);
}

/** An `async def`, `async for` (statement or comprehension clause) or `async with`. */
export const startsAsync = (node: SyntaxNode) => node.child(0)?.type === 'async';

/** The loop whose body (not header, not `else`) holds `node`, inside `fn`, if any. */
function loopBodiesAround(node: SyntaxNode, fn: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  let child = node;
  for (let a = node.parent; a && a.id !== fn.id; child = a, a = a.parent) {
    if (a.type === 'for_statement' && a.childForFieldName('body')?.id === child.id) out.push(a);
  }
  return out;
}

/**
 * The dotted name of the function `call` calls, as the index keys it: a def of this module (any depth),
 * `self.m()` inside a method of a class, or a name imported (absolute or relative); a class of this module
 * for `Table(n)`. `undefined` when it
 * cannot be known (a local variable, a call result, an ambiguous binding).
 */
export function callTarget(names: NameIndex, call: SyntaxNode, loc: ModuleLocation, via?: { imported?: string }): string | undefined {
  if (call.type !== 'call') return undefined;
  const fn = call.childForFieldName('function');
  if (!fn) return undefined;
  // Ex) `Table(n)`: a class of this module, whose `__iter__` may be a generator (`Table.__iter__`)
  if (fn.type === 'identifier') return nameTarget(names, fn, loc, via, true);
  if (fn.type !== 'attribute') return undefined;
  const object = fn.childForFieldName('object');
  const attr = fn.childForFieldName('attribute');
  if (!object || !attr) return undefined;
  if (object.type === 'identifier') {
    const self = selfMethodClass(names, object);
    if (self) {
      const q = qualnameOf(self);
      return q ? `${loc.moduleName}.${q}.${attr.text}` : undefined;
    }
    // Ex) `Repo.rows()` in the module that defines `class Repo` (a classmethod or staticmethod generator)
    const r = names.resolve(object.text, object);
    if (mayBeRebound(names, object.text, r)) return undefined;
    if (r.kind === 'local') {
      const cls = r.bindings.length === 1 && r.bindings[0]!.kind === 'class' ? r.bindings[0]!.node : undefined;
      const q = cls ? qualnameOf(cls) : undefined;
      return q ? `${loc.moduleName}.${q}.${attr.text}` : undefined;
    }
  }
  // Ex) `super().rows()` in a method of `class ListStore(Store)`: `Store.rows`, or what `Store` inherits
  if (object.type === 'call') {
    const base = superBase(names, object, loc, via);
    return base ? `${base}.${attr.text}` : undefined;
  }
  const head = dottedImport(names, object, loc, via);
  return head ? `${head}.${attr.text}` : undefined;
}

/**
 * The class `sup` (`super()`, or `super(ListStore, self)` naming its own class and first parameter) starts looking in:
 * the one base of the class whose method it is in, directly in its body (a class of this module or one imported, by
 * the name the index files it under). `undefined` for any other call, a class of several bases (what `super()` reaches
 * then depends on the instance's class), a keyword in its header, or a `super` that is not the builtin.
 */
export function superBase(names: NameIndex, sup: SyntaxNode, loc: ModuleLocation, via?: { imported?: string }): string | undefined {
  const fn = sup.childForFieldName('function');
  if (fn?.type !== 'identifier' || fn.text !== 'super' || names.resolve('super', fn).kind !== 'builtin') return undefined;
  const args = sup.childForFieldName('arguments')?.namedChildren.filter((a) => !isExtra(a)) ?? [];
  const method = functionOrModuleOf(sup);
  // (`@staticmethod`: no first argument for `super()` to take; `@classmethod` passes the class)
  const cls = methodClass(method);
  if (!cls) return undefined;
  const first = method.childForFieldName('parameters')?.namedChildren.find((p) => !isExtra(p));
  if (first?.type !== 'identifier') return undefined;
  if (args.length === 2) {
    // Ex) `super(ListStore, self).rows()`: the class's own name (bound to it alone) and the method's first parameter
    const [own, self] = args as [SyntaxNode, SyntaxNode];
    if (own.type !== 'identifier' || own.text !== cls.childForFieldName('name')?.text || self.type !== 'identifier' || self.text !== first.text) return undefined;
    const r = names.resolve(own.text, own);
    if (r.kind !== 'local' || r.bindings.length !== 1 || r.bindings[0]!.node.id !== cls.id) return undefined;
  } else if (args.length !== 0) return undefined;
  const bases = cls.childForFieldName('superclasses')?.namedChildren.filter((b) => !isExtra(b)) ?? [];
  if (bases.length !== 1) return undefined;
  // Ex) `class ListStore(Store[int])`: a generic class, `Store` to the class statement
  const base = bases[0]!.type === 'subscript' && genericHead(bases[0]!.text) ? bases[0]!.childForFieldName('value')! : bases[0]!;
  if (base.type === 'identifier') return nameTarget(names, base, loc, via, false);
  return base.type === 'attribute' ? dottedImport(names, base, loc, via) : undefined;
}

/**
 * What the name `id` stands for, by the name the index files it under: an import's absolute name, or a def (when
 * `defs`) or class of this module bound once (`module.qualname`); `undefined` for anything else, or a name the
 * module may bind again.
 */
function nameTarget(names: NameIndex, id: SyntaxNode, loc: ModuleLocation, via: { imported?: string } | undefined, defs: boolean): string | undefined {
  const r = names.resolve(id.text, id);
  if (mayBeRebound(names, id.text, r)) return undefined;
  if (r.kind === 'import') {
    if (via) via.imported = importedModule(names, id, r, loc);
    return absoluteName(r.qualified, loc);
  }
  const kind = r.kind === 'local' && r.bindings.length === 1 ? r.bindings[0]!.kind : undefined;
  if (kind !== 'class' && !(defs && kind === 'def')) return undefined;
  const q = qualnameOf((r as Resolution & { kind: 'local' }).bindings[0]!.node);
  return q ? `${loc.moduleName}.${q}` : undefined;
}

/**
 * The longest prefix of what the import binding `name` (resolved as `r`) names that the import system loads as
 * a module, every part after it read as an attribute: `from pkg.core import rows` → `pkg.core`; `from pkg import
 * core`, `import pkg`, `import pkg.core as m` → `pkg` (Python gets `core` as `pkg`'s attribute, which the package's
 * `__init__` may have bound to another object: `GeneratorIndex.shadowed`). With several bindings, the shortest.
 */
function importedModule(names: NameIndex, name: SyntaxNode, r: Resolution & { kind: 'import' }, loc: ModuleLocation): string {
  let out: string | undefined;
  for (const b of names.bindings(r.scope).get(identifierKey(name.text)) ?? []) {
    const stmt = b.node;
    let p: string | undefined;
    if (stmt.type === 'import_from_statement') {
      const module = stmt.childForFieldName('module_name');
      p = module ? absoluteName(module.text.replace(/\s+/g, ''), loc) : undefined;
    } else p = (b.qualified ?? '').split('.')[0];
    if (p === undefined) return '';
    if (out === undefined || p.length < out.length) out = p;
  }
  return out ?? '';
}

/** The names a package's `__init__` (`names`, of the module `loc`) binds at its top level otherwise than to its submodule of that name. */
function packageBinds(names: NameIndex, loc: ModuleLocation, text: string): string[] {
  // Ex) `globals()["core"] = …`; `globals().update(kw)`: any name (`*`)
  const writes = globalsWrites(text);
  const out: string[] = [...writes.names, ...(writes.any ? ['*'] : [])];
  for (const [name, bindings] of names.bindings(names.root)) {
    if (name === '*') continue;
    // Ex) `from . import core`, `from .core import rows` (which binds `core` too, to the submodule): the submodule
    if (bindings.every((b) => b.kind === 'import' && absoluteName(b.qualified!, loc) === `${loc.moduleName}.${name}`)) continue;
    out.push(name);
  }
  return [...new Set(out)].sort();
}

/** The names a package's `__init__` binds, read from its text (`importAliasesFromText`): imports of other objects, defs, classes, and top-level assignments. */
export function packageBindsFromText(text: string, aliases: Readonly<Record<string, string>>, loc: ModuleLocation): string[] {
  const out = new Set<string>();
  const self = (name: string) => `${loc.moduleName}.${name}`;
  let lines: Outline | undefined;
  // Ex) `def core():`, `core = None`, `core, x = …`, also indented under a module-level `if`/`try` (not in a def or class)
  for (const m of text.matchAll(/^[ \t]*(?:(?:async[ \t]+)?def|class)[ \t]+([A-Za-z_]\w*)|^[ \t]*([A-Za-z_]\w*(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*)[ \t]*(?::[^=\r\n]*)?=(?!=)/gm)) {
    // (Not in a def or class, nor a line of a string: `core = …` in the docstring)
    const at = m.index + m[0].length - m[0].trimStart().length;
    if (inDefOrClass((lines ??= outlineOf(text)), at) || inNoncode(lines, at)) continue;
    if (m[1] !== undefined) out.add(m[1]);
    else for (const w of m[2]!.split(',')) if (/^[A-Za-z_]\w*$/.test(w.trim())) out.add(w.trim());
  }
  // Ex) `from .compat import core` or `from .compat import core as core` binds another object (`try:` … `except
  // ImportError: from . import core` too: the attribute set first stays); `from . import core as core`, `import
  // pkg.core as core` (an explicit re-export) the submodule itself
  // (Also after `;` or a header's `:`: `import sys; from .compat import core`, `try: from .compat import core`; not in a
  // def or class, nor a line of a string)
  // (In a def too where the module says `global` or has a `__getattr__`, which may set or serve the name)
  const inDefsToo = /\bglobal\b|__getattr__/.test(text);
  for (const m of text.matchAll(/(?:^|[;:])[ \t]*(?:from[ \t]+(\S+)[ \t]+)?import[ \t]+([^\r\n#;]*)/gm)) {
    const at = m.index + m[0].length - m[0].replace(/^[;:]/, '').trimStart().length;
    if ((!inDefsToo && inDefOrClass((lines ??= outlineOf(text)), at)) || inNoncode((lines ??= outlineOf(text)), at)) continue;
    for (const item of m[2]!.replace(/[()\\]/g, ' ').split(',')) {
      const parts = item.trim().split(/\s+/);
      if (!parts[0] || parts[0] === '*') continue;
      const local = parts[1] === 'as' && parts[2] ? parts[2] : m[1] !== undefined ? parts[0] : parts[0].split('.')[0]!;
      const q = m[1] === undefined ? (parts[1] === 'as' ? parts[0]! : local) : m[1].endsWith('.') ? m[1] + parts[0] : `${m[1]}.${parts[0]}`;
      if (absoluteName(q, loc) !== self(local)) out.add(local);
    }
  }
  // Ex) `for core in …:`, `with … as core:`, `except … as core:`, `(core := …)` at the top level
  for (const m of text.matchAll(/(?:^|[;:])[ \t]*(?:async[ \t]+)?for[ \t]+([^\r\n]*?)[ \t]+in\b|(?:^|[;:])[ \t]*(?:(?:async[ \t]+)?with|except)\b([^\r\n]*)|([A-Za-z_]\w*)[ \t]*:=/gm)) {
    const at = m.index + m[0].length - m[0].replace(/^[;:]/, '').trimStart().length;
    if (inDefOrClass((lines ??= outlineOf(text)), at) || inNoncode(lines, at)) continue;
    if (m[1] !== undefined) for (const w of m[1].split(/[\s,()[\]*]+/)) if (/^[A-Za-z_]\w*$/.test(w)) out.add(w);
    if (m[2] !== undefined) for (const a of m[2].matchAll(/\bas[ \t]+([A-Za-z_]\w*)/g)) out.add(a[1]!);
    if (m[3] !== undefined) out.add(m[3]);
  }
  // Ex) `globals()["core"] = …`; `globals().update(kw)`: any name (`*`)
  const writes = globalsWrites(text);
  for (const n of writes.names) out.add(n);
  if (writes.any) out.add('*');
  // (An import the aliases hold is seen in them: `GeneratorIndex.shadowed`)
  return [...out].filter((n) => !(self(n) in aliases)).sort();
}

/**
 * True when code the resolution does not see may bind `name` again: a `global` statement for a module-level
 * name, a `nonlocal` one for a function's, or a star import after the import that binds it.
 */
function mayBeRebound(names: NameIndex, name: string, r: Resolution): boolean {
  if (r.kind !== 'import' && r.kind !== 'local') return false;
  // Ex) `from pkg.core import rows` … `def use_cache(): global rows; rows = lambda n: [...]`
  if (r.scope.type === 'module') return names.declaredGlobal(name) || (r.kind === 'import' && starImportAfter(names, name));
  // Ex) `def use_cache(): nonlocal rows; rows = lambda n: [...]` beside a nested `def rows(n):`
  return r.scope.type === 'function_definition' && names.declaredNonlocal(name);
}

/** Ex) `from pkg import rows` then `from ._speedups import *`: the star import may bind `rows` again. */
function starImportAfter(names: NameIndex, name: string): boolean {
  const module = names.bindings(names.root);
  const stars = module.get('*');
  if (!stars) return false;
  const first = Math.min(...(module.get(name) ?? []).map((b) => b.node.startIndex));
  return stars.some((b) => b.node.startIndex > first);
}

/** `Class.m` when `call` is `self.m()` in a method of `Class` (resolved by callTarget through `self`), else undefined. */
export function selfMethodName(names: NameIndex, call: SyntaxNode): string | undefined {
  const fn = call.childForFieldName('function');
  const object = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
  const cls = object?.type === 'identifier' ? selfMethodClass(names, object) : undefined;
  const method = fn?.childForFieldName('attribute')?.text;
  return cls && method ? `${cls.childForFieldName('name')?.text}.${method}` : undefined;
}

/** `a.b.c` whose head is an import: its absolute dotted name. */
function dottedImport(names: NameIndex, expr: SyntaxNode, loc: ModuleLocation, via?: { imported?: string }): string | undefined {
  if (expr.type === 'identifier') {
    const r = names.resolve(expr.text, expr);
    if (r.kind !== 'import' || mayBeRebound(names, expr.text, r)) return undefined;
    if (via) via.imported = importedModule(names, expr, r, loc);
    return absoluteName(r.qualified, loc);
  }
  if (expr.type !== 'attribute') return undefined;
  const object = expr.childForFieldName('object');
  const attr = expr.childForFieldName('attribute');
  const head = object ? dottedImport(names, object, loc, via) : undefined;
  return head && attr ? `${head}.${attr.text}` : undefined;
}

/**
 * The class whose method `self` (an identifier) is the first parameter of: the function around it must
 * be a method directly in a class body, and `self` must be that parameter, never rebound.
 */
function selfMethodClass(names: NameIndex, self: SyntaxNode): SyntaxNode | undefined {
  const fn = functionOrModuleOf(self);
  // Ex) `@staticmethod def f(x): x.m()`: the first parameter is not the instance.
  const cls = methodClass(fn);
  if (!cls) return undefined;
  const first = fn.childForFieldName('parameters')?.namedChildren[0];
  if (first?.type !== 'identifier' || first.text !== self.text) return undefined;
  const r = names.resolve(self.text, self);
  if (r.kind !== 'local' || r.scope.id !== fn.id || r.bindings.length !== 1 || r.bindings[0]!.kind !== 'param') return undefined;
  return cls;
}

/**
 * The class whose body holds `fn` directly, when `fn` is a def there with no decorator but `@classmethod` (its first
 * parameter is the instance or the class); `undefined` for anything else (`@staticmethod`, a nested def, a lambda).
 */
function methodClass(fn: SyntaxNode): SyntaxNode | undefined {
  if (fn.type !== 'function_definition') return undefined;
  const holder = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
  if (holder.type === 'decorated_definition' && holder.namedChildren.some((d) => d.type === 'decorator' && !/^@\s*classmethod\s*$/.test(decoratorText(d)))) return undefined;
  const cls = holder.parent?.type === 'block' ? holder.parent.parent : undefined;
  return cls?.type === 'class_definition' ? cls : undefined;
}

/**
 * True when the def `fn` and every def and class around it are the only binding of their name in their
 * scope, and no `global`/`nonlocal` lets other code bind it: the qualname then names this one def. A key
 * that two bindings share would say "generator" for code that may reach the other (`mergeModuleFacts`
 * cancels only two generators of one key).
 */
function boundOnceAlong(fn: SyntaxNode, names: NameIndex, text: string): boolean {
  for (let a: SyntaxNode | null = fn; a; a = a.parent) {
    if (a.type !== 'function_definition' && a.type !== 'class_definition') continue;
    const name = a.childForFieldName('name')?.text ?? '';
    const scope = scopeOf(a);
    // Ex) `produce = materialize(produce)`, `rows = contextmanager(rows)`: the name no longer calls the def.
    // Ex) `try: from ._native import Table` / `except ImportError: class Table: …`, or `if PY3: class Store: …`
    // / `else: class Store: …`: `Table(5)` or `self.rows()` may reach the other one, which has no `close()`.
    if (names.bindings(scope).get(name)?.length !== 1) return false;
    // Ex) `def use_fast(): global Table; Table = FastTable`: any function may rebind a module-level name.
    if (scope.type === 'module' && declaredGlobal(text).has(name)) return false;
    // Ex) `def use_cache(): nonlocal rows; rows = lambda n: [...]` beside a nested generator `rows`.
    if (scope.type === 'function_definition' && declaredNonlocal(text).has(name)) return false;
  }
  return true;
}

/** Every generator function of a parsed module, with its cleanup and delegation facts, and the module's imports. */
export function moduleFacts(root: SyntaxNode, names: NameIndex, loc: ModuleLocation, hasYield: boolean, source: { text: string; outline: Outline }): ModuleFacts {
  const aliases: Record<string, string> = {};
  for (const [name, bindings] of names.bindings(root)) {
    // Ex) `import importlib.util` and `import importlib.machinery`: two imports of one target are one alias.
    if (name === '*' || !bindings.every((b) => b.kind === 'import' && b.qualified === bindings[0]!.qualified)) continue;
    // Ex) `try: from _speedups import f` … : only imports run whenever the module is (as importAliasesFromText reads them).
    if (!bindings.some((b) => b.node.parent?.type === 'module')) continue;
    // Ex) `def use_cache(): global rows; rows = …`, or `from ._speedups import *` after the import: bound again.
    if (declaredGlobal(source.text).has(name) || starImportAfter(names, name)) continue;
    const target = absoluteName(bindings[0]!.qualified!, loc);
    if (target && target !== `${loc.moduleName}.${name}`) aliases[`${loc.moduleName}.${name}`] = target;
  }
  const binds = loc.isPackage ? packageBinds(names, loc, source.text).filter((n) => !(`${loc.moduleName}.${n}` in aliases)) : [];
  const plain = (generatorLines: ReadonlySet<number>) => {
    const subclasses = subclassesFromOutline(source.text, source.outline, generatorLines);
    return { ...(subclasses.length ? { subclasses } : {}), ...(binds.length ? { binds } : {}) };
  };
  if (!hasYield) return { generators: [], aliases, ...plain(new Set()) };
  const byFn = new Map<number, { fn: SyntaxNode; yields: SyntaxNode[] }>();
  for (const y of root.descendantsOfType('yield')) {
    const fn = ownerOf(y);
    if (!fn) continue;
    const entry = byFn.get(fn.id) ?? { fn, yields: [] };
    entry.yields.push(y);
    byFn.set(fn.id, entry);
  }
  const generators: GeneratorSummary[] = [];
  for (const { fn, yields } of byFn.values()) {
    if (isWrappedByDecorator(fn)) continue;
    if (!boundOnceAlong(fn, names, source.text)) continue;
    const q = qualnameOf(fn);
    if (!q) continue;
    let held: Held | undefined;
    const ownCleanup = yields.some((y) => yieldHoldsCleanup(y, fn));
    const cleanup = ownCleanup || yields.some((y) => yieldHoldsResource(y, fn, (held ??= heldResources(names, fn))));
    // Ex) `conn = sqlite3.connect(p)` … `yield row`, no `with` or `finally`: what the close would release, once the
    // resource gets one (review rv54c: the message spoke of a pending `finally`)
    const holds = cleanup && !ownCleanup && held ? (held.names.length ? [...new Set(held.names.map((h) => `\`${h.name}\``))].join(', ') : 'the resource its loop reads') : undefined;
    const delegates = new Set<string>();
    const yieldsFrom = new Set<string>();
    for (const y of yields) {
      const isFrom = y.children.some((c) => c.type === 'from');
      if (isFrom) {
        const value = y.namedChildren[0];
        const target = value ? callTarget(names, unwrapParens(value), loc) : undefined;
        if (target) {
          delegates.add(target);
          yieldsFrom.add(target);
        }
      }
      // Ex) `for x in other(): yield x`: closing this generator abandons `other()` at the yield.
      for (const loop of loopBodiesAround(y, fn)) {
        const right = loop.childForFieldName('right');
        const target = right ? callTarget(names, unwrapParens(right), loc) : undefined;
        if (target) delegates.add(target);
      }
    }
    const closeRaises = closeRaisesReason(fn, yields, names);
    const closeRaisesIf = closeRaises ? [] : swallowCandidates(fn, yields, names, loc);
    const cleanupAwaits = startsAsync(fn) ? cleanupAwaitsReason(fn, yields, names) : undefined;
    const { at: passes, from: passesFrom, mixed: passesMixed } = startsAsync(fn) ? { at: [], from: [], mixed: [] } : iteratedParameters(fn);
    generators.push({
      key: `${loc.moduleName}.${q}`,
      async: startsAsync(fn),
      cleanup,
      delegates: [...delegates],
      ...(yieldsFrom.size ? { yieldsFrom: [...yieldsFrom] } : {}),
      ...(closeRaises ? { closeRaises } : {}),
      ...(closeRaisesIf.length ? { closeRaisesIf } : {}),
      ...(holds ? { holds } : {}),
      ...(cleanupAwaits ? { cleanupAwaits } : {}),
      ...(passes.length ? { passes } : {}),
      ...(passesFrom.length ? { passesFrom } : {}),
      ...(passesMixed.length ? { passesMixed } : {}),
    });
  }
  // Ex) `def rows(p): return _rows(p)`: its calls make what `_rows(p)` makes (`mergeModuleFacts` decides).
  // Only in a file with a generator function of its own: `generatorSelection` parses the candidates then.
  if (byFn.size) {
    const generatorNames = new Set([...byFn.values()].map(({ fn }) => fn.childForFieldName('name')?.text ?? ''));
    for (const k of returnerCandidates(source.text, source.outline, generatorNames)) {
      const fn = root.descendantForIndex(source.outline.first[k]!)?.parent;
      if (fn?.type !== 'function_definition' || fn.startIndex !== source.outline.first[k] || byFn.has(fn.id)) continue;
      if (isWrappedByDecorator(fn) || !boundOnceAlong(fn, names, source.text)) continue;
      const q = qualnameOf(fn);
      const returns = q ? freshReturns(fn, names, loc, source.text) : undefined;
      if (returns) generators.push({ key: `${loc.moduleName}.${q}`, async: false, cleanup: false, delegates: [], returns });
    }
  }
  // Ex) `yield` only in strings (parsed by `--whole-files`): its wrappers are read from the text, as the first
  // pass reads such a file without it
  else importAliasesFromText(source.text, loc, generators);
  const generatorLines = new Set([...byFn.values()].filter(({ fn }) => !isWrappedByDecorator(fn)).map(({ fn }) => lineAt(source.outline, fn.startIndex)));
  const remade = classReplacements(source.text, loc.moduleName, generators, source.outline);
  // Ex) `self.rows = lambda: [1]` in `Store.__init__`: on an instance the attribute hides the method, for a subclass's
  // `self.rows()` in another module too (its own file's sets are read where it is checked)
  const methods = generators.filter((g) => g.key.includes('.', loc.moduleName.length + 1)).map((g) => g.key.slice(g.key.lastIndexOf('.') + 1));
  const set = methods.length ? instanceAssignments(source.text) : [];
  // (`setattr(cls, name, plain)` in `__init_subclass__`, a name not spelt: any of them)
  const setsOwn = [...new Set(methods.filter((n) => set.includes(n) || set.includes('*')))];
  const special = specialMethods(source.text);
  return { generators, aliases, ...plain(generatorLines), ...remade, ...(setsOwn.length ? { setsOwn } : {}), ...(special.length ? { special } : {}) };
}

/** Calls that reach a function's local variables without naming them. */
const READS_FRAME = /\b(?:locals|vars|eval|exec|_getframe|currentframe)\b/;

/**
 * The positions of the positional parameters (before any `*`) of the generator function `fn`, a plain `def` and
 * no method, whose every use in its body is as the iterable of a `for` statement (`for line in it:`) or of a
 * `yield from` in its own code: a generator passed there is only read, and the caller's statement drops the last
 * reference to it (`next(parsed(lines(p)))`). Not where the name is used otherwise (`it.close()`, `it = iter(it)`,
 * `global it`, in a nested def or a comprehension, as an attribute's name), nor through a loop that may leave before
 * it runs out (`return`, `break`), nor in a body that may read its frame (`locals()`, `eval`) or keep an exception
 * (`except … as err`, whose traceback holds the frame); not a method nor a decorated def (`fn` in a class body, under
 * an `if` or `try` there too), whose callers pass `self` or `cls` first.
 */
function iteratedParameters(fn: SyntaxNode): { at: number[]; from: number[]; mixed: number[] } {
  const none = { at: [], from: [], mixed: [] };
  const params = fn.childForFieldName('parameters');
  const body = fn.childForFieldName('body');
  if (!params || !body || fn.parent?.type === 'decorated_definition' || ownerClass(fn) || READS_FRAME.test(body.text)) return none;
  // Ex) `except ValueError as err: errors.append(err)`: the traceback kept holds the frame, and so the argument
  if (body.descendantsOfType('except_clause').some((c) => c.namedChildren.some((k) => k.type === 'as_pattern'))) return none;
  const names: { name: string; at: number }[] = [];
  let at = 0;
  for (const p of params.namedChildren) {
    if (isExtra(p) || p.type === 'positional_separator') continue;
    if (p.type !== 'identifier' && p.type !== 'default_parameter' && p.type !== 'typed_parameter' && p.type !== 'typed_default_parameter') break;
    // (`*sources: Iterable[int]` ends them too)
    if (p.type === 'typed_parameter' && p.namedChildren[0]?.type !== 'identifier') break;
    const id = p.type === 'identifier' ? p : p.type === 'typed_parameter' ? p.namedChildren[0] : p.childForFieldName('name');
    if (id?.type === 'identifier') names.push({ name: identifierKey(id.text), at });
    at++;
  }
  if (!names.length) return none;
  // Per parameter: not used yet, only iterated so far, or used otherwise.
  const uses = new Map<string, 'none' | 'iterated' | 'other'>(names.map((n) => [n.name, 'none']));
  // The parameters some `yield from` reads (`def relay(it): yield from it`): closing the pass-through closes them.
  const delegated = new Set<string>();
  // Those a `for` of its own reads.
  const looped = new Set<string>();
  for (const id of body.descendantsOfType('identifier')) {
    const key = identifierKey(id.text);
    const had = uses.get(key);
    if (had === undefined || had === 'other') continue;
    const cur = outerParens(id);
    const p = cur.parent;
    // (A loop that may leave before `it` runs out, `for line in it: if …: return`, abandons it while the use goes on:
    // CPython closed it as the function returned, a fix would close it after the use)
    const from = p?.type === 'yield' && p.children.some((c) => c.type === 'from') && p.namedChildren.find((c) => !isExtra(c))?.id === cur.id;
    const iterated = from || (p?.type === 'for_statement' && !startsAsync(p) && p.childForFieldName('right')?.id === cur.id && !leavesEarly(p));
    if (from) delegated.add(key);
    else if (iterated) looped.add(key);
    // (A use in a nested def, lambda, class or comprehension may keep it: `lambda: it`, `[x for x in it]`)
    uses.set(key, iterated && holderOf(cur)?.id === fn.id ? 'iterated' : 'other');
  }
  const passed = names.filter((n) => uses.get(n.name) === 'iterated');
  const from = passed.filter((n) => delegated.has(n.name));
  return { at: passed.map((n) => n.at), from: from.map((n) => n.at), mixed: from.filter((n) => looped.has(n.name)).map((n) => n.at) };
}

/** True when the `for` statement `loop` has a `break` of its own, or a `return`, in its body (not in nested defs). */
function leavesEarly(loop: SyntaxNode): boolean {
  const body = loop.childForFieldName('body');
  const holder = holderOf(loop);
  return !!body && body.descendantsOfType(['break_statement', 'return_statement']).some((x) => holderOf(x)?.id === holder?.id && (x.type === 'return_statement' || loopOf(x, loop.parent!)?.id === loop.id));
}

/** `return name(`, `return a.b (`: a line that may return a call (sticky). */
const RETURN_CALL = /return[ \t]+[A-Za-z_][\w.]*[ \t]*\(/y;
/** A one-line def's body that may return a call: `def rows(p): return _rows(p)`. */
const INLINE_RETURN_CALL = /:[ \t]*return[ \t]+[A-Za-z_][\w.]*[ \t]*\(/;
const ELSE_LINE = /else[ \t]*:/y;
/** Every `return CALL(` of a def's text: the callee's dotted name. */
const RETURNED_CALLEES = /\breturn[ \t]+([A-Za-z_][\w.]*)[ \t]*\(/g;

/**
 * The def lines (outline line numbers) of plain functions that may return a fresh generator, read from the
 * outline: a `def` (not `async def`: calling one makes a coroutine) in no other def, whose last statement
 * is `return CALL(…)` or an `else:` (of an `if` whose branches may all return), and which returns a call whose
 * last name is in `generators` (`_rows(p)`, `self._rows()`, `Store.rows(p)`), or that of another candidate.
 * `freshReturns` decides from the tree. The first pass parses these (`generatorSelection`, with `generators` a
 * superset of the names `moduleFacts` gives), so a file gives the same facts parsed in part or whole. (Not
 * `return core.rows(p)` of an import: such calls are most of the returns of a file, `return os.path.join(…)`,
 * and parsing them all cost a tenth of the first pass; a file without `yield` is read for them as text.)
 */
export function returnerCandidates(text: string, o: Outline, generators: ReadonlySet<string>): number[] {
  const shaped = returnShapes(text, o);
  if (!shaped.length) return [];
  const names = new Set(generators);
  const out = new Set<number>();
  // Ex) `def query(n): return rows(n)` beside `def rows(n): return _rows(n)`: a candidate's name makes more
  for (let more = true; more; ) {
    more = false;
    for (const { k, callees } of shaped) {
      if (out.has(k) || !callees.some((parts) => names.has(parts[parts.length - 1]!))) continue;
      out.add(k);
      const name = definedName(text, o, k);
      if (name && !names.has(name)) {
        names.add(name);
        more = true;
      }
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** Per outline, its defs shaped as `returnerCandidates` wants (both passes over a file's outline ask). */
const shapes = new WeakMap<Outline, ReadonlyArray<{ k: number; callees: string[][] }>>();

/** The defs (not `async`, in no other def) whose last statement is `return CALL(…)` or `else:`, with the dotted callees of their `return CALL(` lines. */
function returnShapes(text: string, o: Outline): ReadonlyArray<{ k: number; callees: string[][] }> {
  const cached = shapes.get(o);
  if (cached) return cached;
  const n = o.begin.length;
  const shaped: Array<{ k: number; callees: string[][] }> = [];
  let last: Int32Array | undefined;
  for (let k = 0; k < n; k++) {
    if (o.kind[k] !== LineKind.Def || text.charCodeAt(o.first[k]!) !== 100) continue;
    // Ex) a def nested in a function: the names it reads may be the function's, which is not parsed
    let nested = false;
    for (let a = o.parent[k]!; a >= 0 && !nested; a = o.parent[a]!) nested = o.kind[a] === LineKind.Def;
    if (nested) continue;
    if (!last) {
      last = new Int32Array(n).fill(-1);
      for (let c = 0; c < n; c++) if (o.parent[c]! >= 0) last[o.parent[c]!] = c;
    }
    const c = last[k]!;
    if (c < 0) {
      if (!INLINE_RETURN_CALL.test(text.slice(o.first[k], o.blockEnd[k]))) continue;
    } else {
      RETURN_CALL.lastIndex = o.first[c]!;
      ELSE_LINE.lastIndex = o.first[c]!;
      if (!RETURN_CALL.test(text) && !ELSE_LINE.test(text)) continue;
    }
    const callees = [...text.slice(o.first[k], o.blockEnd[k]).matchAll(RETURNED_CALLEES)].map((m) => m[1]!.split('.'));
    if (callees.length) shaped.push({ k, callees });
  }
  shapes.set(o, shaped);
  return shaped;
}

/**
 * The calls the plain function `fn` returns, as dotted names, when it can only end by `return CALL(…)` of
 * calls `callTarget` resolves (`return _rows(p)`, `return self._rows(n)`, `return core.rows(p)`): it then
 * hands out what the call made, which nothing else holds. `undefined` for a bare `return`, a body that may run
 * to its end (None), a returned name, attribute or item (`return self._gen`: a generator others may hold, or
 * go on reading), a call withify cannot resolve, or `self.m()` where the file sets an attribute `m`.
 */
function freshReturns(fn: SyntaxNode, names: NameIndex, loc: ModuleLocation, text: string): string[] | undefined {
  const body = fn.childForFieldName('body');
  if (!body || !endsInReturn(body)) return undefined;
  const out = new Set<string>();
  for (const r of ownOf(fn, 'return_statement', fn)) {
    const value = r.namedChildren.find((c) => !isExtra(c));
    const call = value ? unwrapParens(value) : undefined;
    if (call?.type !== 'call') return undefined;
    const target = callTarget(names, call, loc);
    if (!target) return undefined;
    // Ex) `self._rows = cached` in `__init__`: `self._rows()` may call that instead of the generator method
    const method = selfMethodName(names, call);
    if (method && instanceAssignments(text).includes(method.slice(method.indexOf('.') + 1))) return undefined;
    out.add(target);
  }
  return out.size ? [...out] : undefined;
}

/** True when the block cannot run past its end: it ends in `return` or `raise`, or in an `if` with an `else:` whose every branch does. */
function endsInReturn(block: SyntaxNode): boolean {
  const last = block.namedChildren.filter((c) => !isExtra(c)).at(-1);
  if (!last) return false;
  if (last.type === 'return_statement' || last.type === 'raise_statement') return true;
  if (last.type !== 'if_statement' || !last.namedChildren.some((c) => c.type === 'else_clause')) return false;
  const branches = [last.childForFieldName('consequence'), ...last.namedChildren.map((c) => (c.type === 'elif_clause' ? c.childForFieldName('consequence') : c.type === 'else_clause' ? c.childForFieldName('body') : undefined)).filter((b) => b !== undefined)];
  return branches.every((b) => !!b && endsInReturn(b));
}

/** The merged, resolved facts: which generator functions hold cleanup. Plain JSON data. */
export interface GeneratorIndex {
  /** `module.qualname` → facts, only for generators that hold cleanup (directly or by delegation). */
  generators: Record<string, { async: boolean; closeRaises?: string; cleanupAwaits?: string; patched?: string; holds?: string }>;
  /**
   * Module-level imports of every module, for following re-exports (`from .core import produce`); and the generator
   * methods a class takes from its base (`pkg.lists.ListStore.rows` → `pkg.core.Store.rows`, `addInherited`).
   */
  aliases: Record<string, string>;
  /** Module names two files share: left out of the index (each file then resolves only within itself). */
  ambiguous: string[];
  /**
   * For each file of a module left out as `ambiguous`, by the path reports show: the index of that module
   * alone, made from the first pass's facts (`mergeSummaries`), so the second pass need not parse the
   * whole file to make it. Absent for a file the first pass could not read.
   */
  own?: Record<string, GeneratorIndex>;
  /**
   * The names a file must mention to call one of these generators from outside its own module: the names of
   * module-level generator functions and of imports that re-export them. A method is called as `self.m()`
   * only inside its own class, and a nested def only inside its module: both in a file that says `yield`.
   */
  callNames: string[];
  /**
   * `Class.method` for a generator method that some subclass of `Class` in the run (by short names, at any
   * depth) overrides with a method that is not a generator function: `self.method()` may reach it.
   */
  plainOverrides: string[];
  /**
   * Per module, the last names of its generator methods and nested generator defs (`Reader.rows` →
   * `rows`): only that module's own code calls them by that name (`self.rows()`, `rows()` in `outer`).
   */
  memberNames: Record<string, string[]>;
  /**
   * Submodules whose name their package's `__init__` binds to something else (`ModuleFacts.binds`): `from pkg import
   * core` gets that object, or the submodule once something imports it; calls through them are not resolved.
   */
  shadowed?: string[];
  /** The classes holding generator methods (`Reader` of `pkg.mod.Reader.rows`): another module calls one as `Reader.rows(...)`. */
  classNames: string[];
  /**
   * The classes below a class with generator methods (by short names, at any depth) with a class of several bases below
   * them: `super().rows()` in one may reach another class than its base, on an instance of that class (absent when none).
   */
  subclassedHeirs?: string[];
  /**
   * Every name some module replaces (`core.rows = …`) or doubles in a test (`mock.patch("core.rows")`), generator or
   * not, with how: for a generator that a fix in this run gives cleanup (generator-close's `withOwnFacts`).
   */
  patchedNames?: Record<string, string>;
  /** The modules that put a test double in place of each name (`mock.patch`, `monkeypatch.setattr`; absent when none). */
  patchedBy?: Record<string, string[]>;
  /** Names patched by a double of no value of its own (`ModuleFacts.mocked`), with how: for the resource rules only (absent when none). */
  mockedNames?: Record<string, string>;
  /**
   * The last names of generators of the index that a module sets on some value (`ModuleFacts.setsOn`: `store.rows =
   * …` in a test), with the modules that do: `self.rows()` may reach that attribute (absent when none).
   */
  setsOn?: Record<string, string[]>;
  /**
   * Generator functions (any, with cleanup or not) that only iterate the arguments at these positions
   * (`GeneratorSummary.passes`): `next(parsed(lines(p)))` abandons `lines(p)` with `parsed(…)`. Not one defined
   * twice, nor one another module replaces or doubles (absent when none).
   */
  passes?: Record<string, number[]>;
  /**
   * Of `passes`, the positions some `yield from` of the function reads (`GeneratorSummary.passesFrom`): `next(relay(it))`
   * closes `it` as it drops `relay(it)`, where `parsed(it)`, reading by `for`, leaves it to its holder (absent when none).
   */
  passesFrom?: Record<string, number[]>;
  /** Of `passesFrom`, those a `for` of the function reads too (`GeneratorSummary.passesMixed`; absent when none). */
  passesMixed?: Record<string, number[]>;
}

/** `setattr(mod, "name", …)`: an attribute set by name on an object named by a plain name. */
/**
 * `sys.modules["pkg.core"].rows = f` (1: the module, 2: the attribute), `setattr(sys.modules["pkg.core"], "rows", f)`
 * (3, 4; a name not spelt: any).
 */
const MODULE_BY_NAME_SET =
  /\bsys[ \t]*\.[ \t]*modules[ \t]*\[[ \t]*['"]([\w.]+)['"][ \t]*\][ \t]*\.[ \t]*([A-Za-z_]\w*)[ \t]*=(?!=)|\bsetattr[ \t]*\([ \t]*sys[ \t]*\.[ \t]*modules[ \t]*\[[ \t]*['"]([\w.]+)['"][ \t]*\][ \t]*,[ \t]*(?:['"]([A-Za-z_]\w*)['"])?/g;
const SETATTR_ON_NAME = /\bsetattr\s*\(\s*(?:target\s*=\s*)?([A-Za-z_]\w*)\s*,\s*(?:name\s*=\s*)?['"]([A-Za-z_]\w*)['"]/g;

/** True for the code of `[A-Za-z0-9_]`. */
const isWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** The plain name just before offset `dot` (a `.`), blanks between allowed: `core` of `core .rows`; `''` if none. */
function nameBefore(text: string, dot: number): string {
  let end = dot;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  let start = end;
  while (start > 0 && isWordCode(text.charCodeAt(start - 1))) start--;
  if (start === end) return '';
  const first = text.charCodeAt(start);
  const before = start > 0 ? text.charCodeAt(start - 1) : 0;
  // Ex) `a.core.rows = …`, `f().rows = …`, `x[0].rows = …`: not a plain name
  if ((first >= 48 && first <= 57) || before === 46 || before === 41 || before === 93) return '';
  return text.slice(start, end);
}

/**
 * The attributes of imported modules that `text` (the module `moduleName`, whose imports are `aliases`) sets:
 * `import core` … `core.rows = lambda: [5]` replaces the function `core.rows` for every caller.
 */
export function patchedAttributes(text: string, moduleName: string, aliases: Readonly<Record<string, string>>): string[] {
  const out = new Set<string>();
  // `pkg.fetch` and `urlopen`: `pkg` by what the module imports it as
  const addDotted = (object: string, name: string) => {
    const [head, ...rest] = object.split('.');
    const target = aliases[`${moduleName}.${head!}`] ?? importedFrom(text, head!) ?? (wordsOnImportLines(text).has(head!) ? head : undefined);
    if (target) out.add([target, ...rest, name].join('.'));
  };
  // The names the module imports, without the module's prefix: most attribute sets are on `self`.
  const prefix = `${moduleName}.`;
  const imported = new Set<string>();
  for (const k of Object.keys(aliases)) if (k.startsWith(prefix)) imported.add(k.slice(prefix.length));
  // The attribute sets of the text, found from its `.` characters (shared with the class facts of the file).
  const sets = attributeSets(text);
  const fromImports = new Map<string, string | null>();
  let onImportLines: Set<string> | undefined;
  for (let i = 0; i < sets.at.length; i++) {
    // Ex) `core.rows = …`, `core.__dict__["rows"] = …`, `core.rows, x = …`, `vars(core).update(rows=…)` (`setattr(…)`: below)
    const object = objectOfSet(text, sets, i);
    if (imported.has(object)) out.add(`${aliases[prefix + object]}.${sets.names[i]!}`);
    // Ex) `import pkg.fetch` … `pkg.fetch.urlopen = fake` (review rw1): the module by its dotted path
    else if (object === '' && text.charCodeAt(sets.at[i]!) === 46) {
      const dotted = dottedBefore(text, sets.at[i]!);
      if (dotted) addDotted(dotted, sets.names[i]!);
    }
    // Ex) `for core.rows in fakes:`, `vars(core).update(rows=f)`: the alias reading took `core` as maybe bound again
    // there, and left it out; its import tells what it names
    else if (object && object !== 'self' && (onImportLines ??= wordsOnImportLines(text)).has(object)) {
      let target = fromImports.get(object);
      if (target === undefined) fromImports.set(object, (target = importedFrom(text, object) ?? null));
      if (target) out.add(`${target}.${sets.names[i]!}`);
    }
  }
  // Ex) `sys.modules["pkg.core"].rows = f` in a test: the module by its name
  if (text.includes('modules')) {
    for (const m of text.matchAll(MODULE_BY_NAME_SET)) out.add(`${m[1] ?? m[3]}.${m[2] ?? m[4] ?? '*'}`);
  }
  if (text.includes('setattr')) {
    for (const m of text.matchAll(SETATTR_ON_NAME)) {
      // (`monkeypatch.setattr(core, name="rows", …)` reads as `core, name = …` to the alias reading: its import here)
      const target = aliases[`${moduleName}.${m[1]!}`] ?? importedFrom(text, m[1]!);
      if (target) out.add(`${target}.${m[2]!}`);
    }
    // Ex) `setattr(pkg.fetch, "urlopen", fake)` (review rw1)
    for (const m of text.matchAll(SETATTR_ON_DOTTED)) addDotted(m[1]!.replace(/\s+/g, ''), m[2]!);
  }
  return [...out];
}

/** `setattr(pkg.fetch, "urlopen", …)`: an attribute (2) of an object named by a dotted path (1). */
const SETATTR_ON_DOTTED = /\bsetattr\s*\(\s*(?:target\s*=\s*)?([A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)+)\s*,\s*(?:name\s*=\s*)?['"]([A-Za-z_]\w*)['"]/g;

/**
 * The dotted path of plain names just before offset `dot` (a `.`): `pkg.fetch` of `pkg.fetch.urlopen = …`; `''` when
 * it is one name (`nameBefore` reads those) or no plain path (`f().a.b`, `x[0].a.b`; `self.a.b` unless `fromSelf`).
 */
function dottedBefore(text: string, dot: number, fromSelf = false): string {
  let start = dot;
  let parts = 0;
  for (;;) {
    let s = start;
    while (s > 0 && isWordCode(text.charCodeAt(s - 1))) s--;
    if (s === start) return '';
    parts++;
    start = s;
    if (start > 0 && text.charCodeAt(start - 1) === 46) start--;
    else break;
  }
  const first = text.charCodeAt(start);
  const before = start > 0 ? text.charCodeAt(start - 1) : 0;
  if (parts < 2 || (first >= 48 && first <= 57) || before === 41 || before === 93) return '';
  const path = text.slice(start, dot);
  return !fromSelf && (path.startsWith('self.') || path.startsWith('cls.')) ? '' : path;
}

/**
 * The attributes `text` sets on values other than `self`/`cls`, and not to a literal: `store.rows = …`,
 * `self.store.rows = …`, `svc.rows = …` of an imported `svc`, `setattr(store, "rows", …)`, `patch.object(store,
 * "rows", …)`, `monkeypatch.setattr(store, "rows", …)`. On an instance such an attribute hides the method of that
 * name, whatever class it has (review rw2: a test's `store.rows = lambda: iter([7])` made the `gen.close()` a fix added
 * in `Store.first` an AttributeError). Names not spelt (`setattr(x, name, …)`) are left out.
 */
export function attributesSetOnValues(text: string): string[] {
  // (Imported names too: `from pkg.core import svc` may be an instance, `core.svc.m = …` one reached through a module,
  // review rw5; a module's function or a class's method set so is the index's `patched` as well, and counting it here
  // too only holds back a `self.m()` of the same name)
  // (`self.store.rows = …` in a test's `setUp` is on another object: counts, review rw6)
  const onSelf = (object: string) => object === 'self' || object === 'cls';
  const out = new Set<string>();
  const sets = attributeSets(text);
  for (let i = 0; i < sets.at.length; i++) {
    const name = sets.names[i]!;
    if (name === '*') continue;
    let object = objectOfSet(text, sets, i);
    // Ex) `self.store.rows = …`, `holder.store.rows = …`
    if (object === '' && text.charCodeAt(sets.at[i]!) === 46) object = dottedBefore(text, sets.at[i]!, true);
    // Ex) `args.rows = 10`, `opts.rows = None` (review rw4): no method would be a literal, which no call could make an
    // iterator of (the code calling it would fail either way)
    if (object !== '' && !onSelf(object) && !(text.charCodeAt(sets.at[i]!) === 46 && literalAssigned(text, sets.at[i]! + 1 + name.length))) out.add(name);
  }
  if (text.includes('setattr')) for (const m of text.matchAll(SETATTR_ON_DOTTED)) if (!onSelf(m[1]!.replace(/\s+/g, ''))) out.add(m[2]!);
  if (text.includes('setattr') || text.includes('patch')) {
    for (const m of [...text.matchAll(PATCH_OBJECT), ...text.matchAll(MONKEY_SETATTR)]) if (!onSelf(m[1]!)) out.add(m[2]!);
  }
  if (text.includes('patch')) {
    // Ex) `patch.multiple(store, rows=…)`, `patch.dict(store.__dict__, rows=…)`, and a target by its path whose object
    // may be an instance, `patch("pkg.core.INSTANCE.rows", …)` (review rw6): by the names they give
    for (const m of text.matchAll(PATCH_MULTIPLE)) if (m[2] !== undefined && !onSelf(m[2])) for (const n of namesGiven(text, m.index + m[0].length).names) out.add(n);
    for (const m of text.matchAll(PATCH_DICT)) if (m[2] !== undefined) for (const n of namesGiven(text, m.index + m[0].length).names) out.add(n);
    for (const m of text.matchAll(PATCH_BY_PATH)) out.add(m[1]!.slice(m[1]!.lastIndexOf('.') + 1));
  }
  return [...out];
}

/** `patch.object(core, …`: the object (1); its arguments read by `restArguments` from the match's end. */
const PATCH_OBJECT_ANY = /\bpatch\.object\s*\(\s*(?:target\s*=\s*)?([A-Za-z_][\w.]*)\s*,/g;
/** `mock.patch.object(core, "rows", …)`, `patch.object(pkg.core, "rows", …)`: a target named by an object and an attribute. */
const PATCH_OBJECT = /\bpatch\.object\s*\(\s*(?:target\s*=\s*)?([A-Za-z_][\w.]*)\s*,\s*(?:attribute\s*=\s*)?['"]([A-Za-z_]\w*)['"]/g;

/**
 * The functions that test doubles replace (`unittest.mock.patch`, `patch.object`, pytest's
 * `monkeypatch.setattr`), by absolute dotted name. A `MagicMock` has a `close()`, but one made with
 * `return_value=[…]` or `side_effect=…` returns that list: the caller's `gen.close()` then fails.
 */
export function doubledAttributes(text: string, moduleName: string, aliases: Readonly<Record<string, string>>): string[] {
  if (!text.includes('patch')) return [];
  const out: string[] = [];
  // Ex) `with patch("pkg.core.rows") as m:` / `m.return_value = [0, 5]` or `m.configure_mock(return_value=[0])`:
  // a value given later, to any double of the file
  const setLater = /\.(?:return_value|side_effect)\s*=(?!=)|\bconfigure_mock\s*\(/.test(text);
  // Ex) `from unittest.mock import patch as p` / `p("pkg.core.rows", return_value=[0])`, `p = mock.patch`
  const names = ['patch', ...[...text.matchAll(PATCH_ALIAS)].map((m) => m[1] ?? m[2]!)];
  const byObject = (object: string, attribute: string) => {
    const [head, ...rest] = object.split('.');
    // (A name the alias reading left out as maybe bound again, `patch.multiple(use, rows=…)` read as `use, rows = …`,
    // is read from its import here: a double too many only costs a fix.)
    const target = aliases[`${moduleName}.${head!}`] ?? importedFrom(text, head!);
    if (target) out.push([target, ...rest, attribute].join('.'));
  };
  let unread = false;
  // The file's strings of word characters and dots, adjacent literals joined, an f-string with no field as its text
  let values: string[] | undefined;
  const stringValues = () => (values ??= [...text.matchAll(STRING_RUN)].map((run) => [...run[0].matchAll(STRING_PART)].map((p) => p[2]).join('')));
  for (const name of new Set(names)) {
    const byPath = name === 'patch' ? PATCH_BY_PATH : new RegExp(PATCH_BY_PATH.source.replace('patch|setattr', name.replace(/\W/g, '')), 'g');
    // Ex) `patch("pkg.core.rows")` alone makes a MagicMock, which has a `close()`; `wraps=rows` calls the generator
    for (const m of text.matchAll(byPath)) if (setLater || replacesValue(text, m.index! + m[0].length)) out.push(m[1]!);
    // Ex) `TARGET = "pkg.use.rows"` … `patch(TARGET, return_value=[0])`, `patch(self.target, …)`, `patch(f"pkg.use.rows",
    // …)`, `patch("pkg.use." "rows", …)`, `patch(TARGETS[0], …)`, `patch(target, …)` of a loop over a tuple: a target
    // that is not one plain literal, nor the object form `setattr(obj, "name", value)`: every dotted string the file
    // writes may be it (a name's binding is not followed: a keyword `TARGET="…"` elsewhere would mislead)
    const byAny = name === 'patch' ? PATCH_CALL : new RegExp(PATCH_CALL.source.replace('\\bpatch|\\.setattr', `\\b${name.replace(/\W/g, '')}`), 'g');
    if (!unread) {
      for (const m of text.matchAll(byAny)) {
        const args = restArguments(text, m.index! + m[0].length);
        const first = args[0]?.replace(/^target\s*=\s*/, '');
        if (!first || PLAIN_PATH.test(first) || /^[rRuUbB]{0,2}['"]/.test(args[1] ?? '')) continue;
        if (!setLater && !givesValue(args.slice(1))) continue;
        unread = true;
        break;
      }
    }
    // Ex) `patch.dict(core.__dict__, rows=…)`, `patch.dict("pkg.core.__dict__", {"rows": …})`: the module's namespace
    if (text.includes('__dict__')) {
      for (const m of text.matchAll(new RegExp(PATCH_DICT.source.replace('patch', name), 'g'))) {
        for (const attribute of namesGiven(text, m.index! + m[0].length).names) {
          if (m[1] !== undefined) out.push(`${m[1]}.${attribute}`);
          else byObject(m[2]!, attribute);
        }
      }
    }
    if (!text.includes(`${name}.object`) && !text.includes(`${name}.multiple`)) continue;
    for (const m of text.matchAll(new RegExp(PATCH_OBJECT.source.replace('patch', name), 'g'))) {
      if (setLater || replacesValue(text, m.index! + m[0].length)) byObject(m[1]!, m[2]!);
    }
    // Ex) `NAME = "rows"` … `patch.object(core, NAME, …)`, `patch.object(core, names[0], …)`, `patch.object(core,
    // f"rows", …)`, `patch.object(core, attr, …)` of a loop or a helper's parameter: an attribute that is not one
    // literal: every name-like string of the file may be it
    const objectsRead = new Set<string>();
    for (const m of text.matchAll(new RegExp(PATCH_OBJECT_ANY.source.replace('patch', name), 'g'))) {
      if (objectsRead.has(m[1]!)) continue;
      const args = restArguments(text, m.index! + m[0].length);
      // (The match ends after the object's comma: the attribute comes first)
      const attribute = args[0]?.replace(/^attribute\s*=\s*/, '');
      // (A name too, whatever literal the file binds it to: a keyword `name="thing"` or a loop's other value says nothing)
      if (!attribute || /^['"][A-Za-z_]\w*['"]$/.test(attribute)) continue;
      if (!setLater && !givesValue(args.slice(1))) continue;
      objectsRead.add(m[1]!);
      for (const value of stringValues()) if (/^[A-Za-z_]\w*$/.test(value)) byObject(m[1]!, value);
    }
    // Ex) `patch.multiple(use, rows=lambda: [42])`, `patch.multiple("pkg.use", rows=…)`: each keyword is an attribute
    for (const m of text.matchAll(new RegExp(PATCH_MULTIPLE.source.replace('patch', name), 'g'))) {
      for (const attribute of keywordsOf(text, m.index! + m[0].length)) {
        if (m[1] !== undefined) out.push(`${m[1]}.${attribute}`);
        else byObject(m[2]!, attribute);
      }
    }
  }
  // Ex) `monkeypatch.setattr(urllib.request, "urlopen", fake)`, `mp.setattr(sqlite3, "connect", fake)`: a method's
  // `setattr` on an object named by a dotted name, a double (not the builtin `setattr(…)`: code's own replacement, read
  // by `patchedAttributes`; review rw6)
  if (text.includes('.setattr')) for (const m of text.matchAll(MONKEY_SETATTR)) byObject(m[1]!, m[2]!);
  if (unread) for (const value of stringValues()) if (/^[A-Za-z_][\w.]*\.[A-Za-z_]\w*$/.test(value)) out.push(value);
  return out;
}

/** `monkeypatch.setattr(urllib.request, "urlopen", …)`: the object (1) and the attribute (2). */
const MONKEY_SETATTR = /\.setattr\s*\(\s*(?:target\s*=\s*)?([A-Za-z_][\w.]*)\s*,\s*(?:name\s*=\s*)?['"]([A-Za-z_]\w*)['"]/g;

/** `patch(` or `monkeypatch.setattr(`: a double's call, its target read from its arguments. */
const PATCH_CALL = /(?:\bpatch|\.setattr)\s*\(/g;
/** One plain literal naming a dotted path, as `PATCH_BY_PATH` reads it. */
const PLAIN_PATH = /^['"][A-Za-z_][\w.]*\.[A-Za-z_]\w*['"]$/;
/** A run of adjacent string literals of word characters and dots (`"pkg.use." "rows"`, `f"pkg.use.rows"`, over lines too). */
const STRING_RUN = /(?<![\w'"])(?:[rRuUfF]{0,2}(['"])[\w.]*\1\s*)+/g;
const STRING_PART = /[rRuUfF]{0,2}(['"])([\w.]*)\1/g;

/**
 * True when the text from `from` (just after `x.name`) is ` = ` and a value that is never callable: a number, strings
 * on one line, `None`, `True`, `False` ending the line (`args.rows = 10`), or a list, dict or set display or the
 * ellipsis (`r.rows = []`). Anything else (a bracketed lambda too) is taken as maybe a callable.
 */
function literalAssigned(text: string, from: number): boolean {
  const rest = text.slice(from, from + 200);
  // Ex) `r.rows = []`, `{}`, `[x for x in xs]`, `...`: a list, dict or set display, or the ellipsis, is never callable
  if (/^[ \t]*=(?!=)[ \t]*(?:\[|\{|\.\.\.)/.test(rest)) return true;
  const m = /^[ \t]*=(?!=)[ \t]*(-?\d[\w.]*|(?:[rRbBuUfF]{0,2}(?:'[^'\r\n]*'|"[^"\r\n]*")[ \t]*)+|None|True|False)[ \t]*(?:#[^\r\n]*)?(?:\r?\n|$)/.exec(rest);
  return m !== null;
}

/** Every word of the lines that start with `import` or `from … import` (a name `importedFrom` may find). */
function wordsOnImportLines(text: string): Set<string> {
  const out = new Set<string>();
  // (From each `import`, which few places of a text say)
  for (let at = text.indexOf('import'); at >= 0; at = text.indexOf('import', at + 6)) {
    const start = text.lastIndexOf('\n', at) + 1;
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (/^[ \t]*(?:from|import)[ \t]/.test(line)) for (const w of line.matchAll(/[A-Za-z_]\w*/g)) out.add(w[0]);
    at = end;
  }
  return out;
}

/** What a top-level `from pkg import use` or `import pkg.use as use` binds `name` to, read loosely from the text. */
function importedFrom(text: string, name: string): string | undefined {
  if (!/^[A-Za-z_]\w*$/.test(name)) return undefined;
  const table = importTable(text);
  return table.from.get(name) ?? table.plain.get(name);
}

/**
 * What `importedFrom` reads, for every name at once (one scan of a text, where each name asked scanned it again):
 * per name, the first `from pkg import …` that binds it (`from pkg import core, use`, `from pkg import (use,\n
 * core as c)`; comments left out, `from pkg import (  # see (docs)`; relative imports not), and the first top-level
 * `import pkg.use as use`.
 */
const importTable = lastTextMemo((text: string): { from: Map<string, string>; plain: Map<string, string> } => {
  const from = new Map<string, string>();
  const plain = new Map<string, string>();
  if (text.includes('from')) {
    // (`from` first, then a look behind at the line's start: a search for the word, not a test at every line)
    for (const m of text.replace(/#[^\r\n]*/g, '').matchAll(/from(?<=^from)[ \t]+([\w.]+)[ \t]+import[ \t]*(\([^)]*\)|[^\r\n#;]*)/gm)) {
      if (m[1]!.startsWith('.')) continue;
      for (const item of m[2]!.replace(/[()\\]/g, ' ').split(',')) {
        const parts = item.trim().split(/\s+/);
        const bound = parts[1] === 'as' ? parts[2] : parts[0];
        if (bound !== undefined && !from.has(bound)) from.set(bound, `${m[1]}.${parts[0]}`);
      }
    }
  }
  // (The word after `as`, whole: `as core` binds `core`, `as core_x` does not)
  for (const m of text.matchAll(/import(?<=^import)[ \t]+([\w.]+)[ \t]+as[ \t]+(\w+)/gm)) if (!plain.has(m[2]!)) plain.set(m[2]!, m[1]!);
  return { from, plain };
});

/** `import … patch as p`, `from unittest.mock import (patch as p, …)` (1), `p = mock.patch` (2): another name for `patch`. */
const PATCH_ALIAS = /\bpatch[ \t]+as[ \t]+([A-Za-z_]\w*)|^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*(?:[A-Za-z_][\w.]*\.)?patch[ \t]*(?:#.*)?$/gm;
/** `patch.dict("pkg.core.__dict__", …)` or `patch.dict(core.__dict__, …)`: a module by its path (1) or its name (2). */
const PATCH_DICT = /\bpatch\.dict\s*\(\s*(?:in_dict\s*=\s*)?(?:['"]([A-Za-z_][\w.]*)\.__dict__['"]|([A-Za-z_][\w.]*)\.__dict__)\s*,/g;
/** `patch.multiple("pkg.use", …)` or `patch.multiple(use, …)`: the target by its path (1) or an object (2). */
const PATCH_MULTIPLE = /\bpatch\.multiple\s*\(\s*(?:target\s*=\s*)?(?:['"]([A-Za-z_][\w.]*)['"]|([A-Za-z_][\w.]*))\s*,/g;

/**
 * True when the rest of a `patch(…)` call from `from` (just after the arguments already read) gives the double a
 * value of its own (`givesValue`).
 */
function replacesValue(text: string, from: number): boolean {
  return givesValue(restArguments(text, from));
}

/**
 * True when `args`, the arguments of a double after those naming its target, give it a value of its own:
 * `return_value=`, `side_effect=`, `new=`, `new_callable=` or `value=` (pytest's `monkeypatch.setattr`), `*`/`**`
 * arguments withify does not read (`patch("pkg.core.rows", **{"return_value": [0]})`), or one more positional
 * argument (`monkeypatch.setattr("a.b", value)`, `patch.object(m, "f", value)`). Its value may be a generator
 * function; withify does not look.
 */
function givesValue(args: readonly string[]): boolean {
  return args.some((arg) => {
    if (arg.startsWith('*')) return true;
    const kw = KEYWORD_ARGUMENT.exec(arg);
    return kw ? VALUE_KEYWORDS.has(kw[1]!) : true;
  });
}

const VALUE_KEYWORDS: ReadonlySet<string> = new Set(['return_value', 'side_effect', 'new', 'new_callable', 'value']);

/** The generator a dotted name reaches, following re-exports through module-level imports. */
export function resolveGenerator(index: GeneratorIndex, dotted: string, imported?: string): { key: string; async: boolean; closeRaises?: string; cleanupAwaits?: string; patched?: string; holds?: string } | undefined {
  const key = resolveKey(index, dotted, imported, index.generators);
  return key === undefined ? undefined : { key, ...index.generators[key]! };
}

/**
 * The positions at which the generator function a call of `dotted` reaches only iterates its argument
 * (`GeneratorIndex.passes`), and those of them some `yield from` reads (`passesFrom`), resolved as
 * `resolveGenerator` resolves; `undefined` when it reaches none.
 */
export function resolvePasses(index: GeneratorIndex, dotted: string, imported?: string): { at: readonly number[]; from: readonly number[]; mixed: readonly number[] } | undefined {
  if (!index.passes) return undefined;
  const key = resolveKey(index, dotted, imported, index.passes);
  return key === undefined ? undefined : { at: index.passes[key]!, from: index.passesFrom?.[key] ?? [], mixed: index.passesMixed?.[key] ?? [] };
}

/** The key of `table` that a call of `dotted` reaches through the index's aliases (`resolveGenerator`). */
function resolveKey(index: GeneratorIndex, dotted: string, imported: string | undefined, table: Readonly<Record<string, unknown>>): string | undefined {
  // Ex) `from pkg import core` (`imported`: `pkg`) … `core.rows()`, where `pkg/__init__.py` says `from .compat import
  // core`: the call reaches `pkg.core.rows` as an attribute of the package, the other object
  if (imported !== undefined && index.shadowed?.some((s) => s.startsWith(imported ? `${imported}.` : '') && (dotted === s || dotted.startsWith(`${s}.`)))) return undefined;
  let name = dotted;
  for (let hop = 0; hop < 10; hop++) {
    if (Object.prototype.hasOwnProperty.call(table, name)) return name;
    // The longest prefix that is an imported name: `pkg.api.produce` via `pkg.api` → `pkg.core.api`.
    // (Each prefix ends before a `.`, found from the end: no list of the parts per call.)
    let next: string | undefined;
    for (let end = name.length; end > 0 && !next; end = name.lastIndexOf('.', end - 1)) {
      const target = index.aliases[name.slice(0, end)];
      if (target === undefined) continue;
      next = target + name.slice(end);
      // Ex) `from pkg import core` (`core` → `pkg.core`) or `import pkg` … `pkg.core.rows()`: the package's attribute
      // `core`, which its `__init__` binds to another object (`from pkg.core import rows` reaches the submodule)
      if (index.shadowed && throughShadowed(index.shadowed, target, next)) return undefined;
    }
    if (!next || next === name) return undefined;
    name = next;
  }
  return undefined;
}

/** `dotted` (a module, maybe through re-exports: `pkg.core` via `pkg/__init__.py`) as the index files it. */
function resolveModule(index: GeneratorIndex, dotted: string): string {
  let name = dotted;
  for (let hop = 0; hop < 10; hop++) {
    const next = index.aliases[name];
    if (next === undefined || next === name) return name;
    name = next;
  }
  return name;
}

/**
 * True when an alias to `target`, rewriting a name to `name`, reaches one of `shadowed` as an attribute of its
 * package: the target is that module (`from pkg import core`), or a package above it that `name` goes on through
 * (`import pkg` … `pkg.core.rows`).
 */
function throughShadowed(shadowed: readonly string[], target: string, name: string): boolean {
  return shadowed.some((s) => target === s || (s.startsWith(`${target}.`) && name.startsWith(`${s}.`)));
}

const aliasNames = new WeakMap<GeneratorIndex, readonly string[]>();

/**
 * The local names of the re-exports that reach a generator (`from .core import produce as make`: `make`), in the
 * order of `index.aliases`, kept per index. Each target is resolved once: many modules import the same names
 * (`typing.Any`), and the 11,555 files of a site-packages have 92,091 aliases to 25,634 targets.
 */
function aliasesReachingGenerators(index: GeneratorIndex): readonly string[] {
  let names = aliasNames.get(index);
  if (!names) {
    const out: string[] = [];
    const reaches = new Map<string, boolean>();
    // (Not the methods a class inherits, `ListStore.rows` → `Store.rows`: their callers name the class or the method in
    // its own module, `memberNames` and `classNames`; as call names every file saying `__iter__` was parsed around it.
    // Their last names are those of the generators they reach, which `generatorShortNames` has.)
    const inherited = inheritedClass.get(index);
    for (const from of Object.keys(index.aliases)) {
      if (inherited?.has(from)) continue;
      const to = index.aliases[from]!;
      let hit = reaches.get(to);
      if (hit === undefined) reaches.set(to, (hit = resolveGenerator(index, to) !== undefined));
      if (hit) out.push(from.slice(from.lastIndexOf('.') + 1));
    }
    aliasNames.set(index, (names = out));
  }
  return names;
}

const shortNames = new WeakMap<GeneratorIndex, Set<string>>();

/** The last part of every generator's name: a call whose callee ends otherwise is not looked at. */
export function generatorShortNames(index: GeneratorIndex): Set<string> {
  let s = shortNames.get(index);
  if (!s) {
    s = new Set(Object.keys(index.generators).map((k) => k.slice(k.lastIndexOf('.') + 1)));
    // Ex) `for r in Table(n):` over a class whose `__iter__` is a generator: the class's name is what is called
    for (const k of Object.keys(index.generators)) {
      if (!k.endsWith('.__iter__') && !k.endsWith('.__aiter__')) continue;
      const cls = k.slice(0, k.lastIndexOf('.'));
      s.add(cls.slice(cls.lastIndexOf('.') + 1));
    }
    // A re-export may rename it: `from .core import produce as make`.
    for (const name of aliasesReachingGenerators(index)) s.add(name);
    // Ex) `for r in SubTable(n):`, where `class SubTable(Table)` inherits `Table.__iter__` (an alias of the index)
    for (const k of Object.keys(index.aliases)) {
      if (!k.endsWith('.__iter__') && !k.endsWith('.__aiter__')) continue;
      if (!resolveGenerator(index, k)) continue;
      const cls = k.slice(0, k.lastIndexOf('.'));
      s.add(cls.slice(cls.lastIndexOf('.') + 1));
    }
    shortNames.set(index, s);
  }
  return s;
}

/** The module each class of `classChildren` is in (not copied into the facts: thousands of classes derive from `TestCase`). */
const subclassModules = new WeakMap<SubclassFacts, string>();

/** The classes deriving from each class by short name (`Store` → `[ListStore, …]`), renamed imports too. */
export type ClassChildren = ReadonlyMap<string, readonly SubclassFacts[]>;

/**
 * The subclass facts of `modules` by base: `class Cached(Store): def rows(self): return [...]` is an override
 * that is not a generator, even in a module the index leaves out. Made once per run: the index of a module
 * two files share (`mergeSummaries`) reads the classes of every module.
 */
export function classChildren(modules: ReadonlyArray<{ facts: ModuleFacts; moduleName?: string }>): ClassChildren {
  const children = new Map<string, SubclassFacts[]>();
  for (const m of modules) for (const c of m.facts.subclasses ?? []) if (m.moduleName !== undefined) subclassModules.set(c, m.moduleName);
  for (const c of modules.flatMap((m) => m.facts.subclasses ?? [])) {
    for (const b of c.bases) {
      const list = children.get(b);
      // Not a copy per subclass: thousands of classes derive from `TestCase` (81 MB allocated for the stdlib).
      if (list) list.push(c);
      else children.set(b, [c]);
    }
  }
  // Ex) `from core import Store as BaseStore`, then `class ListStore(BaseStore)`: the renamed import derives from it.
  for (const m of modules) {
    for (const [from, to] of Object.entries(m.facts.aliases)) {
      const local = from.slice(from.lastIndexOf('.') + 1);
      const tail = to.slice(to.lastIndexOf('.') + 1);
      if (local === tail || !children.has(local)) continue;
      const alias: SubclassFacts = { name: local, bases: [tail], plain: [] };
      const list = children.get(tail);
      if (list) list.push(alias);
      else children.set(tail, [alias]);
    }
  }
  return children;
}

/**
 * Merge per-module facts into one index: a generator has cleanup when it holds some itself or delegates
 * to one that does, followed to a fixed point. Modules summarised twice under one name (two scripts
 * named alike in different folders) are left out: a name that can mean two functions resolves to none.
 */
/**
 * Ex) `with logged_errors(p):` around a `yield` in a loop, `logged_errors` a class of another module whose `__exit__`
 * returns True: the generator's close raises RuntimeError (`GeneratorSummary.closeRaisesIf`). The swallowers are the
 * modules' own (`ModuleFacts.swallows`) and the classes that may inherit their `__exit__` (a base of the same last
 * name, no `__exit__`/`__aexit__` of their own: more rather than fewer).
 */
function settleSwallowing(modules: ReadonlyArray<{ moduleName: string; facts: ModuleFacts }>, seen: ReadonlyMap<string, number>, all: Map<string, GeneratorSummary>, aliases: Readonly<Record<string, string>>): void {
  const asking = [...all.values()].filter((g) => g.closeRaisesIf && !g.closeRaises);
  if (!asking.length) return;
  const swallows: Record<string, true> = {};
  const short = new Set<string>();
  for (const m of modules) {
    for (const name of m.facts.swallows ?? []) {
      swallows[`${m.moduleName}.${name}`] = true;
      short.add(name);
    }
  }
  if (!short.size) return;
  for (let grew = true, round = 0; grew && round < 10; round++) {
    grew = false;
    for (const m of modules) {
      for (const c of m.facts.subclasses ?? []) {
        const key = `${m.moduleName}.${c.name}`;
        if (swallows[key] || c.plain.includes('__exit__') || c.plain.includes('__aexit__') || !c.bases.some((b) => short.has(b))) continue;
        swallows[key] = true;
        short.add(c.name);
        grew = true;
      }
    }
  }
  const via = { aliases } as GeneratorIndex;
  const shared = [...seen].filter(([, n]) => n > 1).map(([name]) => `${name}.`);
  for (const g of asking) {
    // (A module two files share: which one is imported is not known, as for its generators)
    const hit = g.closeRaisesIf!.find((c) => resolveKey(via, c.manager, undefined, swallows) !== undefined || shared.some((name) => c.manager.startsWith(name)));
    if (hit) all.set(g.key, { ...g, closeRaises: hit.reason });
  }
}

export function mergeModuleFacts(modules: ReadonlyArray<{ moduleName: string; facts: ModuleFacts }>, classTree?: ClassChildren): GeneratorIndex {
  const seen = new Map<string, number>();
  for (const m of modules) seen.set(m.moduleName, (seen.get(m.moduleName) ?? 0) + 1);
  const aliases: Record<string, string> = {};
  const all = new Map<string, GeneratorSummary>();
  // Generators defined twice in their module (`if PY2: def f()` … `else: def f()`): which one runs is not known
  const doubled = new Set<string>();
  for (const m of modules) {
    if (seen.get(m.moduleName)! > 1) continue;
    Object.assign(aliases, m.facts.aliases);
    for (const g of m.facts.generators) {
      // Ex) two defs of one name in a module (`if PY2: def f()` … `else: def f()`): keep neither.
      if (all.has(g.key)) {
        doubled.add(g.key);
        const { returns: _, ...rest } = g;
        all.set(g.key, { ...rest, cleanup: false, delegates: [] });
      }
      else all.set(g.key, g);
    }
  }
  settleSwallowing(modules, seen, all, aliases);
  const ambiguous = [...seen].filter(([, n]) => n > 1).map(([name]) => name);
  const index: GeneratorIndex = { generators: {}, aliases, ambiguous, plainOverrides: [], callNames: [], memberNames: {}, classNames: [] };
  const qualnames = new Map<string, string>();
  for (const m of modules) for (const g of m.facts.generators) qualnames.set(g.key, g.key.slice(m.moduleName.length + 1));
  const entry = (g: GeneratorSummary) => ({ async: g.async, ...(g.closeRaises ? { closeRaises: g.closeRaises } : {}), ...(g.cleanupAwaits ? { cleanupAwaits: g.cleanupAwaits } : {}), ...(g.holds && g.cleanup ? { holds: g.holds } : {}) });
  for (const g of all.values()) if (g.cleanup) index.generators[g.key] = entry(g);
  // (A generator that delegates to an inherited method, `yield from self.rows()` in `ListStore`, once the methods a
  // class inherits are known; and a class inheriting from one that delegates so)
  for (let grew = true; grew; ) {
    for (let changed = true; changed; ) {
      changed = false;
      for (const g of all.values()) {
        if (index.generators[g.key]) continue;
        if (g.delegates.some((d) => resolveGenerator(index, d))) {
          index.generators[g.key] = entry(g);
          changed = true;
        }
      }
    }
    grew = addInherited(modules, seen, index, qualnames);
  }
  // Ex) `yield from inner()`: closing the outer generator closes `inner()` and raises what that raises.
  const passOnYieldFrom = () => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const g of all.values()) {
        const mine = index.generators[g.key];
        if (!mine || mine.closeRaises || !g.yieldsFrom) continue;
        for (const d of g.yieldsFrom) {
          const hit = resolveGenerator(index, d);
          if (!hit?.closeRaises) continue;
          const said = hit.closeRaises.startsWith('its ') ? `whose ${hit.closeRaises.slice(4)}` : `which ${hit.closeRaises.replace(/^it /, '')}`;
          mine.closeRaises = `it delegates to \`${hit.key.slice(hit.key.lastIndexOf('.') + 1)}\` (\`yield from\`), ${said}`;
          changed = true;
          break;
        }
      }
    }
  };
  // Ex) `class StrictStore(Store): def rows(self): … finally: raise …`: `self.rows()` in `Store` may make the
  // subclass's generator, whose close raises (or whose cleanup awaits): the call is rated as the worst it may reach.
  // An override withify cannot read (its module's name is another module's too, or it is defined twice) may raise.
  const children = classTree ?? classChildren(modules);
  const byMethod = new Map<string, string[]>();
  for (const key of all.keys()) {
    const q = qualnames.get(key) ?? '';
    const parts = q.split('.');
    if (parts.length < 2) continue;
    pushTo(byMethod, parts.slice(-2).join('.'), key);
  }
  const moduleOf = (key: string) => key.slice(0, key.length - (qualnames.get(key)?.length ?? 0) - 1);
  const passOnOverrides = (): boolean => {
    let changed = false;
    for (const key of Object.keys(index.generators)) {
      const [cls, method] = (qualnames.get(key) ?? '').split('.').slice(-2);
      if (!cls || !method || !children.has(cls)) continue;
      const mine = index.generators[key]!;
      if (mine.closeRaises && (mine.cleanupAwaits || !mine.async)) continue;
      const seen = new Set<string>([cls]);
      const queue = [cls];
      let raises: string | undefined;
      let awaits: string | undefined;
      while (queue.length && !(raises && awaits)) {
        for (const sub of children.get(queue.shift()!) ?? []) {
          // (A class named like its base, `class Store(base.Store)`, is told from the class itself by its module; where
          // that is not known, both count. Its override is the generator of its module, where that is known.)
          const home = subclassModules.get(sub);
          if (sub.name === cls && home === moduleOf(key)) continue;
          const others = (sub.generators?.includes(method) ? byMethod.get(`${sub.name}.${method}`) ?? [] : []).filter((o) => o !== key && (home === undefined || moduleOf(o) === home));
          // (The override's whole name when it is in another module: the line is in that module)
          const named = (other: string) => (moduleOf(other) === moduleOf(key) ? `${sub.name}.${method}` : other);
          if (sub.generators?.includes(method) && (!others.length || others.some((o) => doubled.has(o)))) {
            raises ??= `its subclass \`${sub.name}\` overrides it with a generator withify cannot read (defined twice, or in a module whose name another module of the project has): closing it may raise`;
          }
          for (const other of others) {
            const theirs = index.generators[other];
            const what = (why: string) => `its subclass \`${sub.name}\` overrides it: \`${named(other)}\`, ${why.startsWith('its ') ? `whose ${why.slice(4)}` : `which ${why.replace(/^it /, '')}`}`;
            if (!raises && theirs?.closeRaises) raises = what(theirs.closeRaises);
            if (!awaits && theirs?.cleanupAwaits) awaits = what(theirs.cleanupAwaits);
          }
          if (!seen.has(sub.name)) {
            seen.add(sub.name);
            queue.push(sub.name);
          }
        }
      }
      const next = { ...mine, ...(raises && !mine.closeRaises ? { closeRaises: raises } : {}), ...(awaits && !mine.cleanupAwaits ? { cleanupAwaits: awaits } : {}) };
      if (next.closeRaises !== mine.closeRaises || next.cleanupAwaits !== mine.cleanupAwaits) {
        index.generators[key] = next;
        changed = true;
      }
    }
    return changed;
  };
  // Ex) `def rows(p): return _rows(p)`: a call of `rows` makes a fresh `_rows` generator, and closes as it does
  const returners = [...all.values()].filter((g) => g.returns);
  const said = (hit: { key: string }, why: string) => `it returns \`${hit.key.slice(hit.key.lastIndexOf('.') + 1)}(…)\`, ${why.startsWith('its ') ? `whose ${why.slice(4)}` : `which ${why.replace(/^it /, '')}`}`;
  // (Those it rates may be rated again once what they return is: a subclass's override, a `yield from`)
  const rated = new Set<string>();
  const rateReturners = (): boolean => {
    let any = false;
    for (let changed = true; changed; ) {
      changed = false;
      for (const g of returners) {
        const had = index.generators[g.key];
        if (had && !rated.has(g.key)) continue;
        // (What a wrapper returns may reach a package's attribute: with no record of how, any shadowed submodule on the way stops it)
        const hits = g.returns!.map((r) => resolveGenerator(index, r, ''));
        // Ex) `if gz: return agz_rows(p)` / `else: return rows(p)`: one call site must close both the same way
        if (hits.some((h) => !h) || hits.some((h) => h!.async !== hits[0]!.async)) continue;
        const raises = hits.find((h) => h!.closeRaises);
        const awaits = hits.find((h) => h!.cleanupAwaits);
        if (had && (had.closeRaises || !raises) && (had.cleanupAwaits || !awaits)) continue;
        index.generators[g.key] = {
          async: hits[0]!.async,
          ...(had?.closeRaises ? { closeRaises: had.closeRaises } : raises ? { closeRaises: said(raises, raises.closeRaises!) } : {}),
          ...(had?.cleanupAwaits ? { cleanupAwaits: had.cleanupAwaits } : awaits ? { cleanupAwaits: said(awaits, awaits.cleanupAwaits!) } : {}),
        };
        rated.add(g.key);
        changed = true;
        any = true;
      }
    }
    return any;
  };
  // (A base's `rows` that delegates to `self._rows()` or returns it, which a subclass overrides: what the override
  // raises passes on to `rows` too; to a fixed point, as each may feed the others)
  for (;;) {
    passOnYieldFrom();
    const overridden = passOnOverrides();
    const returned = rateReturners();
    if (!overridden && !returned) break;
  }
  // Ex) `import core` … `core.rows = lambda: [5]` in another module: a call of `core.rows()` may get no generator
  const short = (name: string) => name.slice(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
  const modulesMarked = new Set(modules.map((m) => m.moduleName));
  const markPatched = (name: string, how: string) => {
    // Ex) `core.__dict__.update(fakes)`, `setattr(core, name, f)`: every generator of `pkg.core` (through its aliases)
    if (name.endsWith('.*')) {
      const module = resolveModule(index, name.slice(0, -2));
      for (const key of Object.keys(index.generators)) if (key.startsWith(`${module}.`) && !index.generators[key]!.patched) index.generators[key] = { ...index.generators[key]!, patched: how };
      return;
    }
    const hit = resolveGenerator(index, name);
    if (hit && !index.generators[hit.key]!.patched) index.generators[hit.key] = { ...index.generators[hit.key]!, patched: how };
    // Ex) `pkg.core.Store = Plain` in another module: every method of the class (and what a subclass inherits of it);
    // not a module's name (`mock.patch("pkg.core", …)`: its functions were imported or are reached as before)
    const target = hit ? undefined : resolveModule(index, name);
    if (target !== undefined && !modulesMarked.has(target)) {
      const under = `${target}.`;
      for (const key of Object.keys(index.generators)) if (key.startsWith(under) && !index.generators[key]!.patched) index.generators[key] = { ...index.generators[key]!, patched: how };
      for (const alias of inheritedClass.get(index)?.keys() ?? []) {
        if (!alias.startsWith(`${name}.`)) continue;
        const reached = resolveGenerator(index, alias);
        if (reached && !index.generators[reached.key]!.patched) index.generators[reached.key] = { ...index.generators[reached.key]!, patched: how };
      }
    }
  };
  const patchedNames: Record<string, string> = {};
  const patchedBy: Record<string, string[]> = {};
  const mockedNames: Record<string, string> = {};
  const patchedAs = (name: string, how: string, by?: string) => {
    patchedNames[name] ??= how;
    if (by !== undefined && !(patchedBy[name] ??= []).includes(by)) patchedBy[name]!.push(by);
    markPatched(name, how);
  };
  for (const m of modules) {
    for (const name of m.facts.patched ?? []) {
      // Ex) `Table.__iter__ = …`, or `cls.__iter__ = …` in a helper, in the module of `Table` itself
      const last = name.slice(name.lastIndexOf('.') + 1);
      const own = name.startsWith(`${m.moduleName}.`) && name.indexOf('.', m.moduleName.length + 1) > 0;
      // Ex) `setattr(core, name, f)`, `core.__dict__.update(fakes)`: names withify does not read
      if (name.endsWith('.*')) {
        patchedAs(name, `an attribute of \`${name.slice(0, -2)}\` set by a name not spelt in \`${m.moduleName}\` (\`setattr(…, name, …)\`, \`__dict__.update(…)\`)`);
        continue;
      }
      patchedAs(name, own ? `an attribute \`${last}\` set in \`${m.moduleName}\` (\`….${last} = …\`, \`setattr(…)\`)` : `\`${short(name)} = …\` in \`${m.moduleName}\``);
    }
    // Ex) `mock.patch("pkg.core.rows", return_value=[0, 5])` in a test: the call returns that list
    for (const name of m.facts.doubled ?? []) patchedAs(name, `a test double of \`${short(name)}\` (\`mock.patch\`, \`monkeypatch.setattr\`) in \`${m.moduleName}\``, m.moduleName);
    for (const name of m.facts.mocked ?? []) {
      mockedNames[name] ??= `a test double of \`${short(name)}\` (\`mock.patch\`) in \`${m.moduleName}\``;
      if (!(patchedBy[name] ??= []).includes(m.moduleName)) patchedBy[name]!.push(m.moduleName);
    }
    // Ex) `@register class Table: def __iter__(self): …` whose decorator sets `cls.__iter__`
    for (const [name, how] of Object.entries(m.facts.remade ?? {})) patchedAs(name, how);
  }
  // Ex) `class Base: def __getattribute__(self, name): …` above `class Store(Base)`: `self.rows()` may get anything; a
  // `__new__` above `Table` may make no `Table` of `Table(n)` (review rw3; the class's own are `classRemakers`'). By short
  // names, up every base of a class of that name.
  const specials = new Map<string, string>();
  for (const m of modules) for (const sp of m.facts.special ?? []) specials.set(sp, m.moduleName);
  if (specials.size) {
    const parents = new Map<string, string[]>();
    // (The class of the generator itself by its module: its own bases, not those of a class of its name elsewhere)
    const parentsIn = new Map<string, string[]>();
    for (const [base, subs] of children) {
      for (const sub of subs) {
        pushTo(parents, sub.name, base);
        pushTo(parentsIn, `${subclassModules.get(sub) ?? ''}:${sub.name}`, base);
      }
    }
    const above = (module: string, cls: string, method: string): string | undefined => {
      const seenUp = new Set([cls]);
      const queue = [...(parentsIn.get(`${module}:${cls}`) ?? [])];
      while (queue.length) {
        const up = queue.shift()!;
        if (seenUp.has(up)) continue;
        seenUp.add(up);
        if (specials.has(`${up}.__getattribute__`)) return `\`${up}.__getattribute__\`, which may hand out another object for any attribute,`;
        if ((method === '__iter__' || method === '__aiter__') && specials.has(`${up}.__new__`)) return `\`${up}.__new__\`, which may return another object than an instance of its class,`;
        queue.push(...(parents.get(up) ?? []));
      }
      return undefined;
    };
    for (const key of Object.keys(index.generators)) {
      const q = (qualnames.get(key) ?? '').split('.');
      if (q.length < 2) continue;
      const how = above(moduleOf(key), q[q.length - 2]!, q[q.length - 1]!);
      if (how !== undefined) patchedAs(key, how);
    }
  }
  if (Object.keys(patchedNames).length) index.patchedNames = patchedNames;
  if (Object.keys(patchedBy).length) index.patchedBy = patchedBy;
  // Ex) `store = Store()` / `store.rows = lambda: iter([7])` in a test (review rw2): only names of the index's generators
  if (modules.some((m) => m.facts.setsOn)) {
    const last = new Set(Object.keys(index.generators).map((k) => k.slice(k.lastIndexOf('.') + 1)));
    const setsOn: Record<string, string[]> = {};
    for (const m of modules) for (const name of m.facts.setsOn ?? []) if (last.has(name)) (setsOn[name] ??= []).push(m.moduleName);
    if (Object.keys(setsOn).length) index.setsOn = setsOn;
  }
  if (Object.keys(mockedNames).length) index.mockedNames = mockedNames;
  // Ex) `def parsed(it): for line in it: yield line.split()`: a generator passed to it is read, and dropped with it
  const passes: Record<string, number[]> = {};
  for (const g of all.values()) if (g.passes && !doubled.has(g.key)) passes[g.key] = g.passes;
  for (const name of Object.keys(patchedNames)) {
    if (name.endsWith('.*')) {
      const module = resolveModule(index, name.slice(0, -2));
      for (const key of Object.keys(passes)) if (key.startsWith(`${module}.`)) delete passes[key];
      continue;
    }
    const key = resolveKey(index, name, undefined, passes);
    if (key !== undefined) delete passes[key];
  }
  if (Object.keys(passes).length) index.passes = passes;
  const passesFrom: Record<string, number[]> = {};
  for (const g of all.values()) if (g.passesFrom && Object.hasOwn(passes, g.key)) passesFrom[g.key] = g.passesFrom;
  if (Object.keys(passesFrom).length) index.passesFrom = passesFrom;
  const passesMixed: Record<string, number[]> = {};
  for (const g of all.values()) if (g.passesMixed && Object.hasOwn(passes, g.key)) passesMixed[g.key] = g.passesMixed;
  if (Object.keys(passesMixed).length) index.passesMixed = passesMixed;
  // Ex) `pkg/__init__.py`: `from . import other as core`, beside `pkg/core.py`
  const moduleNames = new Set(modules.map((m) => m.moduleName));
  // (`*`: the `__init__` may bind any name, `globals().update(kw)`: every submodule)
  const shadowed = modules.flatMap((m) => {
    const binds = m.facts.binds ?? [];
    if (binds.includes('*')) return [...moduleNames].filter((k) => k.startsWith(`${m.moduleName}.`) && !k.includes('.', m.moduleName.length + 1));
    return binds.map((n) => `${m.moduleName}.${n}`).filter((k) => moduleNames.has(k));
  });
  for (const [k, target] of Object.entries(aliases)) if (target !== k && moduleNames.has(k)) shadowed.push(k);
  if (shadowed.length) index.shadowed = [...new Set(shadowed)].sort();
  const overrides = new Set<string>();
  // Ex) `class Fast(base()):`, `class Fast(namedtuple("P", "x")):`: a class whose base withify cannot read may
  // derive from any class, and its plain `rows` override any generator method `rows` (not `type("Fast", (Store,),
  // {...})`, which is no class statement)
  const unread = new Set((children.get(UNREAD_BASE) ?? []).flatMap((c) => c.plain));
  // Whether a class of several bases derives from a class (by short names, at any depth), each class read once: such a
  // class may put another class ahead of the one that defines an inherited method, or ahead of `super()`'s
  const below = new Map<string, boolean>();
  const severalBelow = (name: string): boolean => {
    let known = below.get(name);
    if (known !== undefined) return known;
    below.set(name, false); // (a cycle of short names reads as none)
    known = (children.get(name) ?? []).some((sub) => sub.bases.length > 1 || severalBelow(sub.name));
    below.set(name, known);
    return known;
  };
  // (A method a class inherits, `ListStore.rows`, as one it defines: `self.rows()` in `ListStore` reaches what its subclasses make of it)
  const inherited = [...(inheritedClass.get(index)?.keys() ?? [])];
  const inheritedSet = new Set(inherited);
  for (const key of [...Object.keys(index.generators), ...inherited]) {
    const parts = key.split('.');
    const [cls, method] = parts.slice(-2);
    if (!cls || !method) continue;
    if ((unread.has(method) || unread.has(ANY_NAME)) && qualnames.get(key)?.includes('.')) {
      overrides.add(`${cls}.${method}`);
      continue;
    }
    if (!children.has(cls)) continue;
    // (A method the class inherits: a class of several bases below it may put a sibling of it, one that overrides the
    // method, ahead of the class that defines it in its MRO, `class C(A, B)` with `B(Store)`: review rw3)
    if (inheritedSet.has(key) && severalBelow(cls)) {
      overrides.add(`${cls}.${method}`);
      continue;
    }
    const seen = new Set<string>([cls]);
    const queue = [cls];
    while (queue.length && !overrides.has(`${cls}.${method}`)) {
      const base = queue.shift()!;
      for (const sub of children.get(base) ?? []) {
        // (`__getattribute__` in a subclass may hand out anything for the name; `type(…, ns)` may bind any)
        if (sub.plain.includes(method) || sub.plain.includes('__getattribute__') || sub.plain.includes(ANY_NAME)) overrides.add(`${cls}.${method}`);
        // Ex) `class CachedStore(CachedRowsMixin, Store)`: the MRO looks in the mixin first, and withify
        // does not follow what it defines.
        if (sub.bases.indexOf(base) > 0) overrides.add(`${cls}.${method}`);
        if (!seen.has(sub.name)) {
          seen.add(sub.name);
          queue.push(sub.name);
        }
      }
    }
  }
  // Ex) `def rows(self): return self._rows()`, where a subclass overrides `_rows` with a plain method or another
  // module replaces what it calls: the call may return no generator. Those returns are not followed.
  for (let changed = returners.length > 0; changed; ) {
    changed = false;
    for (const g of returners) {
      if (!index.generators[g.key]) continue;
      const unsure = g.returns!.some((r) => {
        const hit = resolveGenerator(index, r);
        return !hit || hit.patched !== undefined || overrides.has(hit.key.split('.').slice(-2).join('.'));
      });
      if (unsure) {
        delete index.generators[g.key];
        changed = true;
      }
    }
  }
  index.plainOverrides = [...overrides].sort();
  // Ex) `class Fast(ListStore, CachedStore)` below `ListStore(Store)`: `super().rows()` in `ListStore` reaches
  // `CachedStore.rows` on a `Fast`. The classes below a class with generator methods (its own or inherited) with a
  // class of several bases (or of a base withify cannot read) below them: `super()` is read only in the others.
  const holders = new Set<string>();
  for (const key of [...Object.keys(index.generators), ...inherited]) {
    const parts = (qualnames.get(key) ?? '').split('.');
    if (parts.length >= 2) holders.add(parts[parts.length - 2]!);
  }
  const heirs = new Set<string>();
  const down = [...holders];
  while (down.length) {
    for (const sub of children.get(down.pop()!) ?? []) {
      if (heirs.has(sub.name)) continue;
      heirs.add(sub.name);
      down.push(sub.name);
    }
  }
  // Ex) `class Combo(*BASES):`, `class Fast(base()):`: a class whose bases withify cannot read may derive from any class,
  // with several bases (`Mixin` ahead of `Store`)
  const unreadAny = children.has(UNREAD_BASE);
  const subclassed = [...heirs].filter((n) => unreadAny || (children.has(n) && severalBelow(n))).sort();
  if (subclassed.length) index.subclassedHeirs = subclassed;
  const callNames = new Set<string>();
  for (const key of Object.keys(index.generators)) {
    const q = qualnames.get(key);
    if (q && !q.includes('.')) callNames.add(q);
  }
  // (The index's generators and aliases are final here: what `aliasesReachingGenerators` keeps for it holds.)
  for (const name of aliasesReachingGenerators(index)) callNames.add(name);
  index.callNames = [...callNames].sort();
  const members = new Map<string, Set<string>>();
  const classes = new Set<string>();
  for (const m of modules) {
    for (const g of m.facts.generators) {
      const q = qualnames.get(g.key);
      if (!index.generators[g.key] || !q?.includes('.')) continue;
      const set = members.get(m.moduleName) ?? new Set<string>();
      set.add(q.slice(q.lastIndexOf('.') + 1));
      members.set(m.moduleName, set);
      if (!q.includes('<locals>')) classes.add(q.slice(0, q.indexOf('.')));
    }
  }
  // (A class that inherits generator methods holds them too: `ListStore.rows(s)`, `for r in SubTable(n):` in another module)
  for (const cls of inheritedClass.get(index)?.values() ?? []) classes.add(cls.slice(cls.lastIndexOf('.') + 1));
  for (const [module, names] of inheritedMembers.get(index) ?? []) {
    const set = members.get(module) ?? new Set<string>();
    for (const n of names) set.add(n);
    members.set(module, set);
  }
  for (const [module, set] of members) index.memberNames[module] = [...set].sort();
  index.classNames = [...classes].sort();
  return index;
}

/**
 * The generator methods each class takes from its base (`SubclassFacts.base`), as aliases of the index: `class
 * ListStore(Store):` with no `rows` of its own in `pkg.lists` gives `pkg.lists.ListStore.rows` → `pkg.core.Store.rows`,
 * so `self.rows()` in its methods, `super().rows()` in a subclass of it and `ListStore.rows(s)` resolve as calls of
 * `Store.rows` (through a chain of such classes, each adding what it inherits). Only a class of a module no other file
 * shares, its name given once there (no second class of that name in the module, no import of it), its base read to
 * a class holding generator methods. A name the class binds in any way (`SubclassFacts.plain`: a def, a class
 * attribute, `self.rows = …`) is its own. True when an alias was added.
 */
function addInherited(modules: ReadonlyArray<{ moduleName: string; facts: ModuleFacts }>, seen: ReadonlyMap<string, number>, index: GeneratorIndex, qualnames: Map<string, string>): boolean {
  // The generator methods of each class at the top level of its module (`pkg.core.Store` → `rows`), and those inherited so far
  const methods: Record<string, Set<string>> = {};
  for (const key of Object.keys(index.generators)) {
    const q = qualnames.get(key);
    if (q === undefined || q.split('.').length !== 2) continue;
    (methods[key.slice(0, key.lastIndexOf('.'))] ??= new Set()).add(q.slice(q.indexOf('.') + 1));
  }
  for (const [alias, cls] of inheritedClass.get(index) ?? []) (methods[cls] ??= new Set()).add(alias.slice(cls.length + 1));
  // The classes whose module sets attributes named as their generator methods (`pkg.core.Store` → `rows`)
  const setsOwnBy = new Map<string, string[]>();
  for (const m of modules) {
    if (!m.facts.setsOwn) continue;
    for (const g of m.facts.generators) {
      const q = qualnames.get(g.key);
      const last = g.key.slice(g.key.lastIndexOf('.') + 1);
      if (q?.includes('.') && m.facts.setsOwn.includes(last)) pushTo(setsOwnBy, g.key.slice(0, g.key.lastIndexOf('.')), last);
    }
  }
  let added = false;
  for (let changed = true, round = 0; changed && round < 10; round++) {
    changed = false;
    for (const m of modules) {
      if (seen.get(m.moduleName) !== 1 || !m.facts.subclasses?.some((s) => s.base !== undefined)) continue;
      // (A method whose module sets an attribute of its name on an instance, `self.rows = …`: not taken)
      const setIn = (key: string) => setsOwnBy.get(key.slice(0, key.lastIndexOf('.')))?.includes(key.slice(key.lastIndexOf('.') + 1)) === true;
      const count = new Map<string, number>();
      for (const s of m.facts.subclasses) count.set(s.name, (count.get(s.name) ?? 0) + 1);
      for (const s of m.facts.subclasses) {
        // Ex) `def __getattribute__(self, name)` in the class: any attribute may be another object
        if (s.base === undefined || count.get(s.name) !== 1 || s.plain.includes('__getattribute__')) continue;
        const cls = `${m.moduleName}.${s.name}`;
        // Ex) `from .compat import Store` … `class Store(base.Store)`: the name is bound twice
        if (Object.hasOwn(index.aliases, cls)) continue;
        const base = resolveKey(index, `${m.moduleName}.${s.base}`, undefined, methods);
        if (base === undefined || base === cls) continue;
        // (The module's code may call them as `super().rows()` too, where the class has a `rows` of its own: anchors)
        let members = inheritedMembers.get(index);
        if (!members) inheritedMembers.set(index, (members = new Map()));
        let mine = members.get(m.moduleName);
        if (!mine) members.set(m.moduleName, (mine = new Set()));
        for (const method of methods[base]!) mine.add(method);
        for (const method of [...methods[base]!]) {
          const alias = `${cls}.${method}`;
          if (s.plain.includes(method) || s.generators?.includes(method) || Object.hasOwn(index.generators, alias) || Object.hasOwn(index.aliases, alias)) continue;
          // Ex) `def __new__(cls, n): return list(range(n))`: `SubTable(n)` may be no `SubTable`, whose `__iter__` is not called
          if ((method === '__iter__' || method === '__aiter__') && s.plain.includes('__new__')) continue;
          if (setIn(resolveKey(index, `${base}.${method}`, undefined, index.generators) ?? '')) continue;
          index.aliases[alias] = `${base}.${method}`;
          let known = inheritedClass.get(index);
          if (!known) inheritedClass.set(index, (known = new Map()));
          known.set(alias, cls);
          // (Its qualname, as a generator's: `plainOverrides` reads the class's subclasses for it)
          qualnames.set(alias, `${s.name}.${method}`);
          (methods[cls] ??= new Set()).add(method);
          changed = added = true;
        }
      }
    }
  }
  return added;
}

/** Per index, the aliases `addInherited` made, with the class each is of (`pkg.lists.ListStore.rows` → `pkg.lists.ListStore`). */
const inheritedClass = new WeakMap<GeneratorIndex, Map<string, string>>();
/** Per index and module, the generator methods its classes take from their bases (`memberNames`). */
const inheritedMembers = new WeakMap<GeneratorIndex, Map<string, Set<string>>>();

/**
 * `Class.__getattribute__` and `Class.__new__` for each def of those names directly in a class body of `text`, whatever
 * the class's bases (`ModuleFacts.special`).
 */
export function specialMethods(text: string): string[] {
  if (!text.includes('__getattribute__') && !text.includes('__new__')) return [];
  const out = new Set<string>();
  for (const m of text.matchAll(SPECIAL_DEFS)) {
    // The class around the def: the first line above indented less, not blank nor a comment (a line of a string
    // read so only names a class more, or none)
    const indent = m[1]!.replace(/\t/g, '        ').length;
    if (indent === 0) continue;
    for (let end = m.index; end > 0; ) {
      const start = text.lastIndexOf('\n', end - 1) + 1;
      const line = text.slice(start, end).replace(/\r$/, '');
      end = start - 1;
      const head = /^([ \t]*)(\S)/.exec(line);
      if (!head || head[2] === '#' || head[1]!.replace(/\t/g, '        ').length >= indent) continue;
      const cls = /^[ \t]*class[ \t]+([A-Za-z_]\w*)/.exec(line)?.[1];
      if (cls) out.add(`${cls}.${m[2]}`);
      break;
    }
  }
  return [...out];
}

/** A def of `__getattribute__` or `__new__` (most texts that say them call `object.__new__(cls)`: no outline for those). */
const SPECIAL_DEFS = /(?<=^|[\r\n])([ \t]*)def[ \t]+(__getattribute__|__new__)\b/g;

/** Every name, as a set's `has` answers. */
const EVERY_NAME: ReadonlySet<string> = new (class extends Set<string> {
  override has(): boolean {
    return true;
  }
})();

let lastRebound: { text: string; names: ReadonlySet<string> } | undefined;

/**
 * Every module-level name some code of `text` may bind where the module's own statements do not show it: those a
 * `global` statement declares (`declaredNames`), and those set through `globals()` (`globalsWrites`; every name where
 * it may set one it does not spell: a generator is then no generator, which only costs a fix).
 */
export function declaredGlobal(text: string): ReadonlySet<string> {
  if (lastRebound?.text === text) return lastRebound.names;
  const declared = declaredNames.global(text);
  const writes = globalsWrites(text);
  const names = writes.any ? EVERY_NAME : writes.names.size ? new Set([...declared, ...writes.names]) : declared;
  lastRebound = { text, names };
  return names;
}

/** Every name a `nonlocal` statement of `text` declares (`declaredNames`). */
export const declaredNonlocal = (text: string): ReadonlySet<string> => declaredNames.nonlocal(text);

/** A top-level line that binds a name otherwise than by import: `def f`, `class C`, `x = …`, `x: T`, `x += …`. */
const REBINDING_RE = /^(?:(?:async[ \t]+)?def[ \t]+(\w+)|class[ \t]+(\w+)|(\w+)[ \t]*(?::|[-+*/%@&|^<>]{0,2}=(?!=)))/;

/** True when `text[from, to)` has `name` as a whole word. */
function wordIn(text: string, name: string, from: number, to: number): boolean {
  for (let at = text.indexOf(name, from); at >= 0 && at + name.length <= to; at = text.indexOf(name, at + 1)) {
    if (!isWordCharAt(text, at - 1) && !isWordCharAt(text, at + name.length)) return true;
  }
  return false;
}

/** Words that bind the name after them: `def rows`, `class Table`, `as rows`, `global rows`, `for rows in`, `del rows`. */
const BINDING_WORDS = new Set(['def', 'class', 'as', 'global', 'nonlocal', 'for', 'del', 'import']);

/**
 * True when `text` may bind `name` somewhere outside the top-level import statements `imports` read: at any
 * indentation, after a `;` or a `:` (`try:` / `    from ._speedups import rows`, `if True: def rows(n): …`,
 * `rows, other = _speedups.rows, None`, `x; from a import rows`). Read from the words around each place the
 * name stands; a string or comment may count too, and so may a keyword argument (`f(rows=1)`): a missed
 * alias only misses a fix, a wrong one breaks the caller.
 */
function mayBindElsewhere(text: string, name: string, imports: ReadonlyArray<[number, number]>, places?: readonly number[]): boolean {
  let r = 0;
  // `places`: where `placesOfNames` found the name (each place below is checked as one `indexOf` finds)
  let k = 0;
  const next = (from: number) => (places ? (k < places.length ? places[k++]! : -1) : text.indexOf(name, from));
  for (let at = next(0); at >= 0; at = next(at + 1)) {
    const end = at + name.length;
    if (isWordCharAt(text, at - 1) || isWordCharAt(text, end)) continue;
    while (r < imports.length && imports[r]![1] <= at) r++;
    if (r < imports.length && imports[r]![0] <= at) continue;
    let b = at - 1;
    while (b >= 0 && (text[b] === ' ' || text[b] === '\t')) b--;
    // Ex) `core.rows`: an attribute; `"rows"` in `__all__`: a string
    if (text[b] === '.' || ((text[b] === '"' || text[b] === "'") && text[end] === text[b])) continue;
    // Ex) `rows(n)`, `os.path`, `rows[0]`: a call, an attribute, an item; bound only after `def`, `class`, `as`, …
    let a = end;
    while (text[a] === ' ' || text[a] === '\t') a++;
    const next = text[a];
    const used = next === '(' || next === '.' || next === '[';
    if (used && !isWordCharAt(text, b)) continue;
    const line = text.slice(text.lastIndexOf('\n', at) + 1, at);
    // Ex) `# from app import rows reaches …` in a comment
    if (line.includes('#')) continue;
    const before = /(\w+)$/.exec(text.slice(Math.max(0, b - 15), b + 1))?.[1];
    if (before && BINDING_WORDS.has(before)) return true;
    if (used) continue;
    // Ex) `rows = …`, `rows += …`, `rows := …`, `rows, other = …`, `(other, rows) = …`, `rows: T = …`
    if (/^[ \t]*(?:(?:[-+*/%@&|^:]|\/\/|\*\*|<<|>>)?=(?!=)|[,)\]][\w \t,.()[\]*]*=(?!=))/.test(text.slice(end, end + 200))) return true;
    // Ex) `for x, rows in pairs:` (not `for x in rows(n):`)
    if (/\bfor\b(?:(?!\bin\b)[\w \t,()[\]*])*$/.test(line)) return true;
    // Ex) `if True: from ._speedups import rows`, `from ._speedups import (other,\n    rows)`
    if (inImportStatement(text, at)) return true;
  }
  return false;
}

/**
 * The places in `text` of each of `names` that are ASCII identifiers (the others are left out) with a word boundary,
 * as a pattern without the `u` flag reads one, on both sides: one scan for all of them. Every place `mayBindElsewhere`
 * keeps of such a name is among them (it checks the boundaries again, as Unicode has them).
 */
function placesOfNames(text: string, names: readonly string[]): Map<string, number[]> {
  const ascii = [...new Set(names)].filter((n) => /^[A-Za-z_]\w*$/.test(n));
  const out = new Map(ascii.map((n): [string, number[]] => [n, []]));
  if (!ascii.length) return out;
  const hits = findWords(text, wordsPattern(ascii, 'g'));
  hits.at.forEach((at, i) => out.get(hits.word[i]!)!.push(at));
  return out;
}

const IMPORT_LIST_CHAR = /[\w \t\r\n,.()\\]/;

/** True when the name at `at` is one of the names an `import` before it lists (`import a, rows`, `from m import (\n    rows)`). */
function inImportStatement(text: string, at: number): boolean {
  // Only names, blanks, commas, dots, parentheses and backslashes may stand between `import` and the name: find
  // where that run starts (most names stand after `=`, `(` of a call, an operator, within a few characters).
  let start = at;
  while (start > 0 && at - start < 2000 && IMPORT_LIST_CHAR.test(text[start - 1]!)) start--;
  if (at - start < 7) return false;
  // (searched in the run alone: a search back from `at` through the whole text, per place a name stands, was quadratic)
  const run = text.slice(start, at);
  let k = run.lastIndexOf('import');
  while (k >= 0 && (isWordCharAt(text, start + k - 1) || isWordCharAt(text, start + k + 6))) k = k > 0 ? run.lastIndexOf('import', k - 1) : -1;
  if (k < 0) return false;
  const from = start + k;
  const between = text.slice(from + 6, at);
  // A line break inside the statement is one in parentheses or after a backslash.
  let depth = 0;
  for (let i = 0; i < between.length; i++) {
    const c = between[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '\n' && depth <= 0 && between[i - 1] !== '\\' && !(between[i - 1] === '\r' && between[i - 2] === '\\')) return false;
  }
  return depth >= 0;
}


/** The start of the next line after the one holding `at` that holds code (not blank, not only a comment), or the text's length. */
function nextCodeLine(text: string, at: number, loneCR: boolean): number {
  for (let start = nextLine(text, lineStartBefore(text, at), loneCR); start >= 0; start = nextLine(text, start, loneCR)) {
    let i = start;
    while (isBlank(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    if (i < text.length && c !== 10 && c !== 13 && c !== 35) return start;
  }
  return text.length;
}

/** The start of the line that holds `at`. */
function lineStartBefore(text: string, at: number): number {
  let i = at;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

const DEF_HEADER = /def[ \t]+([A-Za-z_]\w*)[ \t]*(?=\()/y;
const AFTER_PARAMETERS = /[ \t]*(?:->[^:\r\n#]*)?:[ \t]*/y;
const RETURN_CALLEE = /return[ \t]+([A-Za-z_]\w*(?:[ \t]*\.[ \t]*[A-Za-z_]\w*)*)[ \t]*(?=\()/y;
const LINE_REST = /[ \t]*(?:#[^\r\n]*)?(?=[\r\n]|$)/y;
const DOCSTRING = /[rRuU]?("""|''')/y;
const ONE_LINE_DOCSTRING = /[rRuU]?("|')(?:[^"'\\\r\n]|\\.)*\1/y;
const NOT_IN_A_WRAPPER = /\b(?:yield|await|lambda|global|nonlocal)\b|:=/;

/**
 * A top-level `def` of a file read as text (at `start`, a line starting with `def`) that only returns a call:
 * `def query(n): return core.rows(n)`, or a docstring then `return core.rows(n)` as its whole body. Strict, as
 * a text must be read: one statement, no backslash, no triple-quoted or formatted string in the call, the
 * callee's first name written nowhere else in the def (not a parameter, not bound in the call).
 * `mergeModuleFacts` follows it when the callee is an import that reaches a generator function with cleanup.
 */
function textReturner(text: string, start: number, loneCR: boolean): { name: string; at: number; callee: string; end: number } | undefined {
  DEF_HEADER.lastIndex = start;
  const header = DEF_HEADER.exec(text);
  if (!header) return undefined;
  const params = afterBrackets(text, DEF_HEADER.lastIndex);
  if (params === undefined) return undefined;
  AFTER_PARAMETERS.lastIndex = params;
  if (!AFTER_PARAMETERS.exec(text)) return undefined;
  let at = AFTER_PARAMETERS.lastIndex;
  LINE_REST.lastIndex = at;
  if (LINE_REST.test(text)) {
    // The body on lines of its own: an optional docstring, then the return, indented as it is
    const line = nextCodeLine(text, at, loneCR);
    at = line;
    while (isBlank(text.charCodeAt(at))) at++;
    if (at === line) return undefined;
    for (const doc of [DOCSTRING, ONE_LINE_DOCSTRING]) {
      doc.lastIndex = at;
      const m = doc.exec(text);
      if (!m) continue;
      let after = doc.lastIndex;
      if (doc === DOCSTRING) {
        const close = text.indexOf(m[1]!, after);
        if (close < 0) return undefined;
        after = close + 3;
      }
      LINE_REST.lastIndex = after;
      if (!LINE_REST.test(text)) return undefined;
      const next = nextCodeLine(text, after, loneCR);
      let i = next;
      while (isBlank(text.charCodeAt(i))) i++;
      if (i - next !== at - line || text.slice(next, i) !== text.slice(line, at)) return undefined;
      at = i;
      break;
    }
  }
  RETURN_CALLEE.lastIndex = at;
  const ret = RETURN_CALLEE.exec(text);
  if (!ret) return undefined;
  const end = afterBrackets(text, RETURN_CALLEE.lastIndex);
  if (end === undefined) return undefined;
  LINE_REST.lastIndex = end;
  if (!LINE_REST.test(text)) return undefined;
  // Nothing more in the body: the next line of code starts at column 0 (or there is none)
  const next = nextCodeLine(text, end, loneCR);
  if (next < text.length && (isBlank(text.charCodeAt(next)) || text.charCodeAt(next) === 12)) return undefined;
  const def = text.slice(start, end);
  if (NOT_IN_A_WRAPPER.test(def)) return undefined;
  const callee = ret[1]!.replace(/[ \t]+/g, '');
  const head = callee.split('.')[0]!;
  let count = 0;
  for (let i = def.indexOf(head); i >= 0; i = def.indexOf(head, i + 1)) if (!isWordCharAt(def, i - 1) && !isWordCharAt(def, i + head.length)) count++;
  if (count !== 1) return undefined;
  return { name: header[1]!, at: start + header[0].lastIndexOf(header[1]!), callee, end };
}

/** Where `import *` (`import (*`) is said in `text`: each place of the word `import`, then the rest tried there. */
function starImports(text: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf('import'); at >= 0; at = text.indexOf('import', at + 6)) {
    // (The pattern's `\b`: ASCII word characters only, as a pattern without the `u` flag reads it)
    if (at > 0 && isAsciiWordChar(text.charCodeAt(at - 1))) continue;
    STAR_AFTER_IMPORT.lastIndex = at + 6;
    if (STAR_AFTER_IMPORT.test(text)) out.push(at);
  }
  return out;
}
const STAR_AFTER_IMPORT = /[ \t]+\(?[ \t]*\*/y;

/** A line break, then a line that starts with a letter, a digit, `_` or `@` (`importAliasesFromText`). */
const TOP_LEVEL_LINE = /[\r\n][A-Za-z0-9_@]/g;
const isTopLevelStart = (c: number) => isAsciiWordChar(c) || c === 64;

/**
 * The module-level imports of a file with no `yield`, read from the text without parsing it (the first
 * pass only needs them to follow re-exports): `import`/`from` statements that start a line at column 0,
 * outside triple-quoted strings, with parenthesised or backslash-continued name lists.
 */
export function importAliasesFromText(text: string, loc: ModuleLocation, returners?: GeneratorSummary[]): Record<string, string> {
  const bound = new Map<string, string[]>();
  const bind = (name: string, target: string | undefined) => {
    if (!target) return;
    const list = bound.get(name) ?? [];
    list.push(target);
    bound.set(name, list);
  };
  // Ex) `produce = wrap(produce)`, `def produce():` at the top level: the name no longer means the import.
  // Lines inside a triple-quoted string are not code (`traceback:` in pdb's docstring).
  const rebound = new Set<string>();
  // Names bound by `from … import`: a function a caller may reach through this module (`import os` binds a module)
  const fromImported = new Set<string>();
  // The statements read as imports below, [start, end): the words in them are the bindings `bound` has.
  const imports: Array<[number, number]> = [];
  const quotes = new TripleQuotes(text);
  const loneCR = hasLoneCR(text);
  // Top-level defs that only return a call (`textReturner`), and whether a decorator line stands above the next def
  const found: Array<{ name: string; at: number; callee: string; end: number }> = [];
  let decorated = false;
  // Only a line that starts with a letter, a digit or `_` can rebind or import at the top level (or `@`, below).
  for (let start = lineFrom(text, 0, TOP_LEVEL_LINE, isTopLevelStart); start >= 0; start = lineFrom(text, start + 1, TOP_LEVEL_LINE, isTopLevelStart)) {
    const first = text.charCodeAt(start);
    // Ex) `@functools.lru_cache()` above `def query(n): return core.rows(n)`: every caller gets one generator
    // (a `@` in a docstring counts too: only fewer defs followed)
    if (first === 64) decorated = true;
    if (!isAsciiWordChar(first)) continue;
    if (quotes.openAt(start)) continue;
    let end = lineEndOf(text, start);
    let line = text.slice(start, end);
    const rebinds = REBINDING_RE.exec(line);
    if (rebinds) rebound.add(rebinds[1] ?? rebinds[2] ?? rebinds[3]!);
    if (rebinds && (rebinds[1] !== undefined || rebinds[2] !== undefined)) {
      const wrapper = returners && !decorated && first === 100 ? textReturner(text, start, loneCR) : undefined;
      decorated = false;
      if (wrapper) {
        found.push(wrapper);
        quotes.skipTo(wrapper.end);
        start = lineStartBefore(text, wrapper.end); // the next line is the one after the return's last
        continue;
      }
    }
    if ((first !== 102 && first !== 105) || !/^(from|import)\s/.test(line)) continue;
    // Join continuation lines: a backslash at the end, or an open parenthesis.
    while ((/\\\s*$/.test(line) || (line.includes('(') && !line.includes(')'))) && end < text.length) {
      const next = nextLineStart(text, end);
      end = lineEndOf(text, next);
      line = line.replace(/\\\s*$/, ' ') + ' ' + text.slice(next, end);
    }
    // Triple quotes in an import statement are left out.
    quotes.skipTo(end);
    // Ex) `from .core import rows; from ._speedups import rows`: only the first statement is read here.
    const semi = text.indexOf(';', start);
    imports.push([start, semi >= 0 && semi < end ? semi : end]);
    start = end; // the next line is the one after the statement's last
    const stmt = line.replace(/#.*$/s, '').split(';')[0]!.replace(/[()]/g, ' ');
    let m = /^from\s+(\.*[\w.]*)\s+import\s+(.+)$/.exec(stmt.trim());
    if (m && m[1] !== '__future__') {
      const module = m[1]!;
      for (const item of m[2]!.split(',')) {
        const parts = item.trim().split(/\s+/);
        if (!parts[0] || parts[0] === '*') continue;
        const local = parts[1] === 'as' && parts[2] ? parts[2] : parts[0];
        const q = module.endsWith('.') ? module + parts[0] : `${module}.${parts[0]}`;
        bind(local, absoluteName(q, loc));
        fromImported.add(local);
      }
      continue;
    }
    m = /^import\s+(.+)$/.exec(stmt.trim());
    if (m) {
      for (const item of m[1]!.split(',')) {
        const parts = item.trim().split(/\s+/);
        if (!parts[0]) continue;
        if (parts[1] === 'as' && parts[2]) bind(parts[2], parts[0]);
        else bind(parts[0].split('.')[0]!, parts[0].split('.')[0]!);
      }
    }
  }
  const aliases: Record<string, string> = {};
  const stars = text.includes('*') ? starImports(text) : [];
  // The places of the names asked of `mayBindElsewhere` below, found by one scan (a file importing fifty names
  // read its text fifty times)
  const asked = [...fromImported, ...found.flatMap((r) => [r.name, r.callee.split('.')[0]!])];
  const places = asked.length > 2 ? placesOfNames(text, asked) : undefined;
  for (const [name, targets] of bound) {
    if (new Set(targets).size !== 1 || rebound.has(name) || declaredGlobal(text).has(name)) continue;
    // Ex) `from .core import rows` … `from ._speedups import *`: the star import may bind it again.
    if (stars.some((at) => at > (imports.find(([s, e]) => wordIn(text, name, s, e))?.[0] ?? 0))) continue;
    if (!/^[A-Za-z_]\w*$/.test(name) || targets[0] === `${loc.moduleName}.${name}`) continue;
    // (Only for what `from … import` binds: a module name bound again (`os = None`) reaches no generator's key.)
    if (fromImported.has(name) && mayBindElsewhere(text, name, imports, places?.get(name))) continue;
    aliases[`${loc.moduleName}.${name}`] = targets[0]!;
  }
  for (const r of found) {
    // Ex) `query = cache(query)`, `def query(…)` again, `global query`: the name may reach something else
    const own: Array<[number, number]> = [...imports, [r.at, r.at + r.name.length] as [number, number]].sort((a, b) => a[0] - b[0]);
    const head = r.callee.split('.')[0]!;
    // Ex) `def use_fake(): global core; core = Fake()`, `if FAST: import fastcore as core`: the callee may be
    // another object's (a module name bound again is no alias of its own only when it says `from … import`)
    if (!aliases[`${loc.moduleName}.${head}`] || declaredGlobal(text).has(head) || mayBindElsewhere(text, head, imports, places?.get(head))) continue;
    // Ex) `globals()["rows"] = _list_rows`
    if (declaredGlobal(text).has(r.name) || mayBindElsewhere(text, r.name, own, places?.get(r.name))) continue;
    // Ex) `def rows(n): return core.rows(n)` … `from pkg.fast import rows`: a top-level import binds the name too
    if (bound.has(r.name)) continue;
    returners!.push({ key: `${loc.moduleName}.${r.name}`, async: false, cleanup: false, delegates: [], returns: [`${loc.moduleName}.${r.callee}`] });
  }
  return aliases;
}

/**
 * The literal targets of the text's patches (`mock.patch("pkg.fetch.urlopen")`, `monkeypatch.setattr("pkg.fetch.urlopen",
 * f)`), whatever value they give: a double that is no context manager, or a `MagicMock` whose `__enter__` gives
 * another mock than the test's, either way what a `with` around the call would enter (src/python/resources.ts,
 * `doubledNote`).
 */
export function mockedTargets(text: string): string[] {
  if (!text.includes('patch') && !text.includes('setattr')) return [];
  return [...new Set([...text.matchAll(PATCH_BY_PATH)].map((m) => m[1]!))];
}
