# A lazy reader (csv.reader) bound to a name: the with also spans every use of the reader
import csv


def rows(path):
    with open(path, newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        out = [r for r in reader]
    print(header)
    return out


def write(path, rows):
    with open(path, "w", newline="") as out:
        w = csv.writer(out)
        for r in rows:
            w.writerow(r)
