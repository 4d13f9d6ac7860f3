# `with self.assertRaises(…)` takes the exception and goes on
import io
import unittest

class T(unittest.TestCase):
    def test_it(self):
        p = "out.txt"
        with self.assertRaises(ValueError):
            f = open(p, "a")
            f.write("first\n")
            int("x")
            f.close()
        with open(p, "a") as g:
            g.write("after\n")
