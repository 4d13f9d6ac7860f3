# `with self.subTest(…)` records the error and goes on
import io
import unittest

class T(unittest.TestCase):
    def test_it(self):
        p = "out.txt"
        for n in ["1", "x"]:
            with self.subTest(n=n):
                f = open(p, "a")
                f.write("value %s\n" % n)
                int(n)
                f.close()
        with open(p, "a") as g:
            g.write("after\n")
