# recording the path in a list or a set writes nothing; fixed
def export(rows, p, written):
    f = open(p, "w")
    for r in rows:
        f.write(r + "\n")
    written.append(p)

def export2(rows, p, seen):
    f = open(p, "w")
    f.write("\n".join(rows))
    seen.add(p)
    return sorted(seen)
