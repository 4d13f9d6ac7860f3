# A function of the module that makes a new connection on every call (`get_db_connection()`): the connection it
# gives is closed by hand, which an exception before the close skips; it is as `sqlite3.connect(...)` itself.
import contextlib
import sqlite3


def get_db_connection():
    conn = sqlite3.connect("database.db")
    conn.row_factory = sqlite3.Row
    return conn


def index():
    with contextlib.closing(get_db_connection()) as conn:
        posts = conn.execute("SELECT * FROM posts").fetchall()
    return posts


def create(title, content):
    with contextlib.closing(get_db_connection()) as conn:
        conn.execute("INSERT INTO posts (title, content) VALUES (?, ?)", (title, content))
        conn.commit()
