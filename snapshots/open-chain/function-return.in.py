# A return of a chained read inside functions and methods, with and without arguments
import json


def load(path):
    return json.loads(open(path).read())


class Store:
    def raw(self, path, mode="rb"):
        return open(path, mode).read()

    @staticmethod
    def lines(path):
        return open(path, encoding="utf-8").readlines()
