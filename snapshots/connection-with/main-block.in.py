# At the top level of a script (under `if __name__ == "__main__":`) the name is no module's global to import.
import sqlite3
import sys

if __name__ == "__main__":
    with sqlite3.connect(sys.argv[1]) as cx:
        print(cx.execute("select count(*) from t").fetchone()[0])
