# At the top level of a script (under `if __name__ == "__main__":`) the name is no module's global to import.
import contextlib
import sqlite3
import sys

if __name__ == "__main__":
    with contextlib.closing(sqlite3.connect(sys.argv[1])) as conn, conn as cx:
        print(cx.execute("select count(*) from t").fetchone()[0])
