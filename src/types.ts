// Plain data passed between the stages of the pipeline. Nothing here touches disk or MagicString.
import type Parser from 'tree-sitter';
import type { NameIndex } from './python/scopes.js';

export type SyntaxNode = Parser.SyntaxNode;
export type Tree = Parser.Tree;

/** Half-open range of UTF-16 code units in the decoded source, replaced by `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /**
   * A top-level import line added for the fix (`planTopLevelImport`). The plan does not count it when
   * deciding whether two fixes overlap, and applies identical import edits of one pass only once.
   */
  import?: true;
  /**
   * No change (`text` is empty, `start` = `end`): the end of the lines a fix re-indents, which may lie past
   * its last real edit. The plan counts it, so that another fix on those lines waits for the next pass
   * (which sees them re-indented) instead of inserting lines indented for the old text; reports leave it out.
   */
  reach?: true;
}

/** How far a fix may be trusted (ruff's vocabulary). */
export type Applicability = 'safe' | 'unsafe' | 'display-only';

/** The ceiling a transform declares for all of its fixes. */
export type Safety = 'safe' | 'unsafe' | 'report-only';

export interface Fix {
  title: string;
  applicability: Applicability;
  edits: Edit[];
  /**
   * Among fixes whose edits start at the same place, those of a lower `order` are applied first (default 0; then
   * the one that ends first); the others wait for the next pass, which sees their text inside the first's block.
   */
  order?: number;
}

/** What a transform returns: a place in the source, and either a fix or the reason there is none. */
export interface Finding {
  /** Transform id, e.g. `open-chain`. */
  id: string;
  /** Rule code, e.g. `WFY101`. */
  code: string;
  message: string;
  start: number;
  end: number;
  fix?: Fix;
  /** Why no fix is offered (set when `fix` is absent, or when it is display-only). */
  reason?: string;
}

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, in characters of the decoded line. */
  column: number;
}

/** A finding placed in a file, as reported to users. */
export interface LocatedFinding extends Finding {
  path: string;
  location: Position;
  endLocation: Position;
  /**
   * `fixable`: the fix is applied by `fix` with the options of this run; `unsafe`: only with
   * `--unsafe-fixes`; `display-only`: shown, never applied; `none`: no fix (see `reason`).
   */
  fixStatus: FixStatus;
  /** The fix's edits placed with line and column (of the same text as `location`), for SARIF `fixes`. */
  fixEdits?: Array<{ start: Position; end: Position; text: string }>;
  /**
   * A finding left in a rewritten text, as `diff` shows it: where it is in the input (and the lines its message and
   * reason name, counted there), since `diff` writes nothing.
   */
  inInput?: { location: Position; message: string; reason?: string };
}

export type FixStatus = 'fixable' | 'unsafe' | 'display-only' | 'none';

export type PythonVersion = readonly [number, number];

export type GeneratorStyle = 'try-finally' | 'closing';

/** Options that change what transforms do. Every field has a default in `defaultOptions` (src/options.ts). */
export interface TransformOptions {
  /** Transform ids or codes to run; empty means every built-in transform. */
  select: string[];
  ignore: string[];
  unsafeFixes: boolean;
  targetVersion: PythonVersion;
  generatorStyle: GeneratorStyle;
  /** generator-close: fix every loop over a generator with cleanup, not only loops that exit early. */
  allLoops: boolean;
  /** Extra transform modules (loaded by the caller) run after the built-in ones. */
  extraTransforms: Transform[];
}

export interface Example {
  before: string;
  after: string;
  /** The file the example is (`setup.py`, which runs only as the program); an importable module otherwise. */
  file?: string;
}

/** The doc block every transform carries; `withify explain` prints it. */
export interface TransformDoc {
  whatItDoes: string;
  whyItBreaksOnPyPy: string;
  fixSafety: string;
  notFlagged: string;
}

export interface Transform {
  id: string;
  code: string;
  summary: string;
  /** What the fix does, for `explain` and SARIF's rule help; optional for a user's transform (its `summary` then). */
  fixTitle?: string;
  safety: Safety;
  doc: TransformDoc;
  examples: Example[];
  check: (ctx: FileContext) => Finding[];
  /**
   * Words (identifiers) a file must contain for `check` to find anything. A file that contains none of
   * the words of any active transform is not parsed at all. Absent: the file is always parsed. A function
   * gets the run's project index (generator-close: `yield`, and the names of the generators it holds).
   */
  triggers?: readonly string[] | ((project: ProjectIndex | undefined) => readonly string[]);
  /**
   * Words that locate everything `check` can report. Each finding lies in the outermost function around
   * one of their places in code (or in a top-level statement that is no def or class, or in the def or
   * class block a place sits in outside any function), and `check` needs nothing else of the file than
   * that function, the header lines of the blocks around it and the top-level statements that are no def
   * or class. A file is then parsed first only there (`partialRanges`, src/python/outline.ts), and whole
   * only when that finds something. Import aliases of anchors are added by the engine. A
   * function (given the file's path, module name and text) returning `null`: this file needs the whole
   * parse. Absent: every file does.
   */
  anchors?: readonly string[] | ((project: ProjectIndex | undefined, file: { path: string; moduleName: string | undefined; text: string }) => readonly string[] | null);
  /**
   * True when, besides, `check` on such a partial tree finds exactly what it finds on the whole file, as long
   * as every finding is inside a function (or in a class the look parsed whole), no parsed function says
   * `global`, and `check` asks nothing of the whole module (`NameIndex.identifiers` of the module) and reads
   * no block it did not ask for (`readsBeyondFunction`). `check` (the command) then reports from the partial
   * tree. class-del asks for the class around `__del__`, and for a base class of the file, whole.
   */
  anchorsSuffice?: boolean;
  /**
   * True when the anchors locate findings only where they name the callee of a call (`open(p)`,
   * `gzip.open (p)`), never as a bare name (`socket.AF_INET`, `def open(self)`, `except socket.error`): the
   * engine then ignores an anchor that no `(` follows. The engine adds the file's import aliases of anchors:
   * each counts as a bare word when the name it renames is one (`from m import Reader as R`), else only where
   * called (`from gzip import open as gzopen`). An alias of a name no transform anchors on is no anchor
   * (`from gettext import gettext as _`).
   */
  anchorsAreCallees?: boolean;
  /**
   * With `anchorsAreCallees`: true when the anchors locate findings only at calls whose callee resolves by
   * name (`calleeName`/`qualifiedName` in src/python/imports.ts: a builtin, or through an import), never at a
   * method of a value (`self.open()`, `sock.connect(addr)`). The engine then ignores a place that is the
   * attribute of a plain dotted name whose first name no import of the file may bind; a receiver that is
   * a call or a subscript (`Path(p).open()`) still counts.
   */
  calleesResolveByName?: boolean;
  /** True when `check` reads `ctx.project`: the run then builds the project index first (src/project.ts). */
  needsProject?: boolean;
}

/**
 * Everything a transform may look at. Built once per pass by `createContext`; the helpers it carries
 * are memoised, so transforms call them freely.
 */
export interface FileContext {
  path: string;
  source: string;
  tree: Tree;
  root: SyntaxNode;
  /** The file's line ending, used for every line a fix adds. */
  eol: string;
  /** One level of indentation as the file writes it (spaces or a tab). */
  indentUnit: string;
  target: PythonVersion;
  options: TransformOptions;
  /** Project-wide facts gathered in a first pass over every input file (see src/project.ts). */
  project: ProjectIndex | undefined;
  /** Module name of this file inside the project, when known (`pkg.sub.mod`). */
  moduleName: string | undefined;
  /**
   * The text is what earlier passes of `fix` made of the file, not the file the project index was built from: a
   * generator a fix gave cleanup (a `with` around its `yield`s) is not in that index yet.
   */
  rewritten?: boolean;
  /** Scopes, bindings and identifiers of this file (memoised). */
  names: NameIndex;
  /**
   * A name unused in the scope of `node` (function or module), preferring `candidates` in order. `keywordsOnly`:
   * names the text writes only as keyword-argument names (`setup(long_description=…)`), which read and bind
   * nothing, so they count as free.
   */
  freshName: (node: SyntaxNode, candidates: readonly string[], keywordsOnly?: ReadonlySet<string>) => string;
  /**
   * True when the code at `node` runs only as the program, never on import: the body of
   * `if __name__ == "__main__":`, a `__main__` module (`pkg/__main__.py`), a `setup.py` whose own code calls
   * `setup(…)` (which setuptools runs as `__main__`). A global bound there is no name another module imports.
   */
  programOnly: (node: SyntaxNode) => boolean;
  /** True when `offset` lies inside the body of a string literal (a line start there is data). */
  insideString: (offset: number) => boolean;
  /**
   * Call before reading the file beyond the outermost function around what is checked: with the block read
   * (the class around a method), or with nothing for anything wider (other functions, every name of the
   * module). On a partial tree (`Transform.anchorsSuffice`) the engine then parses that block too, or the
   * whole file, and checks again. Nothing happens on a whole tree.
   */
  readsBeyondFunction: (block?: SyntaxNode) => void;
  /**
   * True when `name` is written somewhere in the module as a name (bound or read, in any scope; attribute
   * names excepted), as `names.identifiers(root)` has it. Answered from the text when the word occurs
   * nowhere in the module's code, so it is cheap where a fix asks whether a new import is free.
   */
  moduleUses: (name: string) => boolean;
  /**
   * The names of the modules and packages beside the file (`contextlib` for `contextlib.py` or a directory
   * `contextlib/`): a package's submodules, when it is an `__init__.py`, and what a script run from its directory
   * imports first. Read from the directory once, when asked; empty for a text with no file name.
   */
  modulesBeside?: () => ReadonlySet<string>;
}

/** Filled in by the generator index (issue 4); kept opaque to the engine. */
export interface ProjectIndex {
  [key: string]: unknown;
}

export type FileStatus = 'changed' | 'unchanged' | 'skipped' | 'failed';

/**
 * A suppression comment that suppresses nothing because it is malformed (`# withify: ignore[WFY101`,
 * `ignore[]`, `# noqa:` with no code), or that names a code no transform has: Ruff's "Invalid `# noqa`
 * directive" warning. Or (`about: 'target version'`) in a file with a finding, the construct newer than the
 * target version (`match` for 3.8): Ruff's "unsupported syntax". It never changes the exit code.
 */
export interface FileWarning {
  /** Where the comment's `#` is (the construct's start, for syntax newer than the target). */
  location: Position;
  message: string;
  /** What it is about, for a GitHub annotation's title: a suppression comment unless said. */
  about?: 'target version';
}

export interface FileResult {
  path: string;
  status: FileStatus;
  /** Findings in the original source (first pass), placed with line and column. */
  findings: LocatedFinding[];
  /** Findings still standing in the output after every pass (positions in the output). */
  remaining: LocatedFinding[];
  /** Number of fixes applied across all passes. */
  fixesApplied: number;
  /** Suppression comments of the input that are malformed or name no transform; absent when none. */
  warnings?: FileWarning[];
  /** The same in the output (for a file not changed, the same as `warnings`); absent when it has none. */
  remainingWarnings?: FileWarning[];
  /** Lines given a `# withify: ignore[CODE]` comment (`--add-ignore`); absent when none. */
  ignoresAdded?: number;
  /** Why nothing is written to this file though it was read and parsed (its line ends are mixed); absent otherwise. */
  writesNothing?: string;
  /** Per code, the findings left after the fixes that those comments silenced (not in `remaining`, not fixed either). */
  ignored?: Record<string, number>;
  /**
   * Per code, what a later round of `fix`/`diff` (src/rounds.ts) found in the text an earlier round wrote, beyond what
   * that round left: not in `findings` (which are placed in the file's first text), counted by `--statistics`
   * (`fixable`: of those, the ones a fix was found for).
   */
  laterFindings?: Record<string, { id: string; count: number; fixable: number }>;
  /** Decoded text before and after, set when status is `changed`. */
  before?: string;
  after?: string;
  /** Why the file was skipped or failed: a sentence naming what to do next. */
  reason?: string;
  /** For a file that failed because it does not parse: where its syntax error is (as `reason` says). */
  errorLocation?: Position;
  /** For `diff`, a file that is not plain UTF-8: its encoding and BOM, in which `diff` writes its lines. */
  encoding?: { name: string; bom: boolean };
}

/** Thrown by a transform for "this file is out of scope"; becomes status `skipped`. */
export class SkipFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SkipFile';
  }
}
