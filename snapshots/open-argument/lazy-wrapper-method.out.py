# A lazy wrapper used up by its own method in the same statement: the file is done with when it ends
import csv
import pickle


def save_rows(p, rows):
    with open(p, "w", newline="") as f:
        csv.writer(f).writerows(rows)


def save_header(p):
    with open(p, "w", newline="") as f:
        csv.DictWriter(f, ["name", "size"]).writeheader()


def round_trip(p, obj):
    with open(p, "wb") as f:
        pickle.Pickler(f).dump(obj)
    with open(p, "rb") as fh:
        return pickle.Unpickler(fh).load()


def read_back(p, rows):
    # reported: CPython closed (and flushed) the file before the read
    return csv.writer(open(p, "w", newline="")).writerow(rows[0]) + len(open(p).read())


def keep_method(p):
    # reported: the bound method keeps the writer, and the file, past the statement
    write = csv.writer(open(p, "w", newline="")).writerow
    write(["a"])


def other_method(p):
    # reported: a reader's own methods are not known to be done with the file
    return csv.DictReader(open(p)).fieldnames
