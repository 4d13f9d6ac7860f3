# A return of a chained read inside functions and methods, with and without arguments
import json


def load(path):
    with open(path) as f:
        return json.loads(f.read())


class Store:
    def raw(self, path, mode="rb"):
        with open(path, mode) as f:
            return f.read()

    @staticmethod
    def lines(path):
        with open(path, encoding="utf-8") as f:
            return f.readlines()
