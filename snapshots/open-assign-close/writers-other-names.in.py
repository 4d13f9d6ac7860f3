import os


def export(base, rows):
    # Fixed, one `with`: the same text with a different name after it names two files
    csv_out = open(base + ".csv", "w")
    json_out = open(base + ".json", "w")
    csv_out.write(",".join(rows))
    json_out.write(repr(rows))
    csv_out.close()
    json_out.close()


def logs(d):
    f = open(f"{d}/a.log", "w")
    g = open(f"{d}/b.log", "w")
    f.write("first\n")
    g.write("second\n")
    f.close()
    g.close()


def quiet(p):
    # `os.devnull` takes what is written, in no order
    out = open(p, "w")
    sink = open(os.devnull, "w")
    out.write("x")
    sink.write("y")
    out.close()
    sink.close()
