// One `with` for every resource a statement makes: which resources can share it (evaluation order),
// how its header is written for the target Python, and the wrap itself. Used by open-chain,
// open-argument and open-loop.
import { versionAtLeast } from '../options.js';
import type { Edit, FileContext, Finding, Fix, SyntaxNode } from '../types.js';
import { replaceNode } from './edits.js';
import { notEvaluatedFirst } from './evaluation.js';
import { closeNote, doubledNote, mayWrite, withItemFor, type ResourceSpec, type WithItem } from './resources.js';
import { mixedIndentReason, planWrap, statementIndent } from './wrap.js';
import { MAX_WITH_ITEMS, tooDeepReason } from './nesting.js';
import { namesSeenReason } from './resource-flow.js';

export interface ResourceUse {
  /** The call that makes the resource: `open(p)`. */
  call: SyntaxNode;
  spec: ResourceSpec;
}

export interface WithGroup {
  /** The resources one `with` creates, in the order the statement evaluates them. */
  group: ResourceUse[];
  /** Why each resource left out (by call id) cannot join the group in this pass. */
  reasons: Map<number, string>;
}

/** The finding of `use`, with its fix or why it has none; a fix rated unsafe (`ResourceWith.applicability`) says why after the message. */
export function findingWith(ctx: FileContext, base: Finding, use: ResourceUse, fix: Fix | string): Finding {
  if (typeof fix === 'string') return { ...base, reason: fix };
  if (fix.applicability !== 'unsafe') return { ...base, fix };
  const note = closeNote(use.spec, use.call) ?? doubledNote(ctx, use.spec, use.call) ?? '; its `with` also closes another resource of the statement, whose closing does what dropping it never did (see that finding)';
  return { ...base, message: base.message + note, fix };
}

/** Longest header line written on one line once the target allows the parenthesised form (black's 88). */
export const MAX_HEADER_COLUMNS = 88;

/**
 * The uses whose call holds no other use's call, in their order. Calls nest or stand apart, so in source
 * order (an outer call before an inner one that starts with it) a call holds another exactly when the next
 * one starts inside it: one sort, not every pair (a list of thousands of `open(p).read()`).
 */
function outermostFree(uses: readonly ResourceUse[]): ResourceUse[] {
  const spans = uses.map((u) => ({ u, id: u.call.id, start: u.call.startIndex, end: u.call.endIndex }));
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const holds = new Set<number>();
  for (let k = 0; k + 1 < sorted.length; k++) {
    const next = sorted[k + 1]!;
    if (next.id !== sorted[k]!.id && next.start < sorted[k]!.end) holds.add(sorted[k]!.id);
  }
  return spans.filter((s) => !holds.has(s.id)).map((s) => s.u);
}

/**
 * The resources of `uses` that one `with` can create ahead of `scope` (the statement, or a loop's
 * iterable): the first is the first code `scope` runs, and each next one is the next code run, with only
 * pure code (names, literals, attribute reads, the earlier resources) in between, so the header
 * evaluates everything in the original order. A resource inside another's arguments is left for a later
 * pass (the inner one goes first); the others get the reason they do not fit. At most `room` of them (see
 * `blockRoom` in nesting.ts: each item is a block), and at most `MAX_WITH_ITEMS`.
 */
/**
 * Why the resource call of `u` is not the next code `scope` runs once `assumed` have run (`notEvaluatedFirst`),
 * for every fix that makes it ahead of the rest of its statement (`moved`: what moves with it, `open(p).read()`). Ahead of a resource that may write, what runs
 * before it must not raise either (`json.dump(last, open(p, "w"))` with `last` unbound: the fix would empty the
 * file the original never opened); without `ctx`, only the order is asked.
 */
export function orderReason(u: ResourceUse, scope: SyntaxNode, assumed?: ReadonlySet<number>, ctx?: FileContext, moved: SyntaxNode = u.call): string | undefined {
  return notEvaluatedFirst(moved, scope, assumed, ctx && mayWrite(u.spec, u.call) ? ctx : undefined);
}

export function groupForWith(uses: readonly ResourceUse[], scope: SyntaxNode, room = Infinity, ctx?: FileContext): WithGroup {
  const reasons = new Map<number, string>();
  // Ex) `json.load(open(open(p).read().strip()))`: the outer call moves into a header only once the inner one is a name.
  const candidates = outermostFree(uses);
  const group: ResourceUse[] = [];
  const assumed = new Set<number>();
  let progress = true;
  while (progress) {
    progress = false;
    for (const u of candidates) {
      if (assumed.has(u.call.id)) continue;
      const why = orderReason(u, scope, assumed, ctx);
      if (why) {
        reasons.set(u.call.id, why);
        continue;
      }
      reasons.delete(u.call.id);
      group.push(u);
      assumed.add(u.call.id);
      progress = true;
      break;
    }
  }
  if (group.length > Math.min(room, MAX_WITH_ITEMS)) {
    const why =
      room <= MAX_WITH_ITEMS
        ? tooDeepReason(group.length, room)
        : `one \`with\` of ${group.length} items is more than withify writes (${MAX_WITH_ITEMS}): the first ${MAX_WITH_ITEMS} get one, the rest the next pass`;
    for (const u of group.splice(Math.max(0, Math.min(room, MAX_WITH_ITEMS)))) reasons.set(u.call.id, why);
  }
  return { group, reasons };
}

/**
 * The header lines of a `with` holding `items`. One line, unless there are several items, the target
 * is 3.10 or newer (parenthesised `with` items are 3.10 syntax) and the line would pass 88 columns or an
 * item spans lines: then one item per line inside `with (` … `):`. Below 3.10 a long header stays on
 * one line (valid everywhere; a formatter may wrap it).
 */
export function withHeaderLines(ctx: FileContext, items: readonly string[], indent: string): string[] {
  const oneLine = `with ${items.join(', ')}:`;
  const supportsParens = versionAtLeast(ctx.target, [3, 10]);
  const tooLong = indent.length + oneLine.length > MAX_HEADER_COLUMNS || items.some((i) => /[\r\n]/.test(i));
  if (items.length < 2 || !supportsParens || !tooLong) return [oneLine];
  return ['with (', ...items.map((i) => `${ctx.indentUnit}${i},`), '):'];
}

export interface ResourceWith {
  edits: Edit[];
  /** The `as` names, one per resource, in order. */
  names: string[];
  /** Unsafe when closing one of the resources does what dropping it never did (`WithItem.closeNote`), as the `with` closes them all. */
  applicability: 'safe' | 'unsafe';
}

/**
 * Wrap the statement `first`…`last` (one statement, or a loop) in a `with` creating every resource of
 * `group` in order, each replaced by its fresh `as` name. A string says why not: the layout is one `planWrap`
 * cannot handle, or the scope reads its variables by name (`namesSeenReason`).
 */
export function planResourceWith(ctx: FileContext, first: SyntaxNode, last: SyntaxNode, group: readonly ResourceUse[]): ResourceWith | string {
  // Ex) `render(request, "page.html", locals())`: the `as` name would be one more variable in it
  const seen = namesSeenReason(ctx, first);
  if (seen) return seen;
  const names = group.map((u) => ctx.freshName(first, u.spec.asNames));
  const planned = group.map((u, i) => withItemFor(ctx, u.spec, u.call, names[i]!));
  // Ex) `sqlite3.connect(db)` in a module that lists `globals()`: no `import contextlib` for its `closing`
  const refused = planned.find((i): i is string => typeof i === 'string');
  if (refused !== undefined) return refused;
  const items = planned.filter((i): i is WithItem => typeof i !== 'string');
  const header = withHeaderLines(ctx, items.map((i) => i.item), statementIndent(ctx, first));
  const plan = planWrap(ctx, { first, last, header, inner: group.map((u, i) => replaceNode(u.call, names[i]!)) });
  if (!plan) return mixedIndentReason(ctx, first) ?? 'the statement shares its line in a way withify cannot split';
  return { edits: [...plan.edits, ...uniqueEdits(items.flatMap((i) => i.edits))], names, applicability: items.some((i) => i.closeNote) ? 'unsafe' : 'safe' };
}

/** `edits` without repeats: two `with` items may need the same import (`contextlib.closing`), added once. */
export function uniqueEdits(edits: readonly Edit[]): Edit[] {
  const added = new Set<string>();
  return edits.filter((e) => {
    const key = `${e.start}:${e.end}:${e.text}`;
    if (added.has(key)) return false;
    added.add(key);
    return true;
  });
}
