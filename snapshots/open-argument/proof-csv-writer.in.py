# Proof: rows written with csv.writer(open(...)).writerows() must all be in the file when it is read back
import csv
import os
import tempfile

path = os.path.join(tempfile.mkdtemp(), "rows.csv")


def save(rows):
    csv.writer(open(path, "w", newline="")).writerows(rows)


save([["name", "size"], ["a.txt", 10], ["b.txt", 20]])
with open(path, newline="") as f:
    rows = list(csv.reader(f))
print(rows)
assert len(rows) == 3, "rows were lost"
