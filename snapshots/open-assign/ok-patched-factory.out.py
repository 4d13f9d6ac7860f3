# A function that makes a connection, named in a string of a file that patches (`@mock.patch(__name__ + ".get_db")`
# on a test that reaches it through a helper), or a module whose text reaches its functions by name
# (`importlib.import_module(__name__).get_db = …`): another object may stand in its place, so its calls are left alone.
import sqlite3
from unittest import mock


def get_db():
    return sqlite3.connect(":memory:")


def count():
    conn = get_db()
    return conn.execute("select 1").fetchone()


class Test:
    @mock.patch(__name__ + ".get_db")
    def test_count(self, fake):
        fake.return_value.execute.return_value.fetchone.return_value = (2,)
        assert count() == (2,)
