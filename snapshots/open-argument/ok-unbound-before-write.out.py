# A file opened for writing is made, and emptied, by the `with` header before the rest of the statement runs:
# what runs before it in the statement must not raise, or the fix empties a file the original never opened.
import json


def save_last(items, path):
    for item in items:
        last = item
    # `last` is unbound when `items` is empty: UnboundLocalError before open() truncated the file
    json.dump(last, open(path, "w"))


def save_note(path, note):
    if note:
        text = note.strip()
    print(text, file=open(path, "w"))


def save_all(path, rows):
    del rows
    json.dump(rows, open(path, "w"))
