# A patch of another module's `socket`, or of `open` in another test, leaves these calls real: fixed
import socket
import unittest
from unittest import mock


class Events(unittest.TestCase):
    @mock.patch('asyncio.base_events.socket')
    def test_other_module(self, m):
        pass

    def test_real(self):
        s = socket.socket()
        s.settimeout(1)
        s.close()

    @mock.patch('builtins.open')
    def test_mocked(self, m):
        f = open('x')
        f.read()
        f.close()

    def test_after(self):
        f = open(__file__)
        self.assertTrue(f.read())
        f.close()


if __name__ == '__main__':
    unittest.main()
