# In a class body the `as` name (or a name a fix would add) is an attribute of the class.
import sqlite3


class Settings:
    with sqlite3.connect(":memory:") as cx:  # expect: WFY107
        cx.execute("create table t (x)")


class Cache:
    with sqlite3.connect(":memory:"):  # expect: WFY107
        pass
