"""Load and save the inventory."""
import gzip
import json
import os
import sqlite3

DATA_DIR = os.environ.get("INVENTORY_DIR", "data")


def load(name):
    path = os.path.join(DATA_DIR, name + ".json")
    return json.loads(open(path).read())


def save(name, items):
    path = os.path.join(DATA_DIR, name + ".json")
    open(path, "w").write(json.dumps(items, indent=2))


def archive(name, items):
    path = os.path.join(DATA_DIR, name + ".json.gz")
    gzip.open(path, "wb").write(json.dumps(items).encode("utf-8"))


def restore(name):
    return json.loads(gzip.open(os.path.join(DATA_DIR, name + ".json.gz")).read())


def count(db_path):
    conn = sqlite3.connect(db_path)
    cur = conn.cursor()
    cur.execute("select count(*) from items")
    total = cur.fetchone()[0]
    print(total, "items")
    return total
