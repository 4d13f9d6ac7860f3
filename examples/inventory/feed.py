"""Records from a CSV export, read one row at a time."""
import csv


def records(path):
    # The file stays open while the generator waits at `yield`.
    with open(path, newline="") as f:
        for row in csv.reader(f):
            yield row


def find(path, name):
    for row in records(path):
        if row and row[0] == name:
            return row
    return None
