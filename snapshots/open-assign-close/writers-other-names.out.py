import os


def export(base, rows):
    # Fixed, one `with`: the same text with a different name after it names two files
    with open(base + ".csv", "w") as csv_out, open(base + ".json", "w") as json_out:
        csv_out.write(",".join(rows))
        json_out.write(repr(rows))


def logs(d):
    with open(f"{d}/a.log", "w") as f, open(f"{d}/b.log", "w") as g:
        f.write("first\n")
        g.write("second\n")


def quiet(p):
    # `os.devnull` takes what is written, in no order
    with open(p, "w") as out, open(os.devnull, "w") as sink:
        out.write("x")
        sink.write("y")
