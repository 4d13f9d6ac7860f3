# recording the path in a list or a set writes nothing; fixed
def export(rows, p, written):
    with open(p, "w") as f:
        for r in rows:
            f.write(r + "\n")
    written.append(p)

def export2(rows, p, seen):
    with open(p, "w") as f:
        f.write("\n".join(rows))
    seen.add(p)
    return sorted(seen)
