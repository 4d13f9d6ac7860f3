"""Compare two files' ASTs after removing `with __wfy_marker__():` wrappers from the second one.
Usage: unwrap_check.py ORIGINAL REWRITTEN ...pairs; prints one line per mismatch, exits 1 if any."""
import ast
import sys


class Unwrap(ast.NodeTransformer):
    def generic_visit(self, node):
        super().generic_visit(node)
        for field in ("body", "orelse", "finalbody"):
            stmts = getattr(node, field, None)
            if isinstance(stmts, list):
                flat = []
                for s in stmts:
                    if (isinstance(s, ast.With) and len(s.items) == 1 and isinstance(s.items[0].context_expr, ast.Call)
                            and getattr(s.items[0].context_expr.func, "id", None) == "__wfy_marker__"):
                        flat.extend(s.body)
                    else:
                        flat.append(s)
                setattr(node, field, flat)
        return node


def dump(tree):
    return ast.dump(tree, include_attributes=False)


bad = 0
args = sys.argv[1:]
for i in range(0, len(args), 2):
    a, b = args[i], args[i + 1]
    try:
        ta = ast.parse(open(a, "rb").read())
    except SyntaxError:
        continue
    try:
        tb = ast.parse(open(b, "rb").read())
    except SyntaxError as e:
        print("SYNTAX", a, e)
        bad += 1
        continue
    tb = Unwrap().visit(tb)
    if dump(ta) != dump(tb):
        print("AST", a)
        bad += 1
sys.exit(1 if bad else 0)
