# Negative: `open` and `socket.socket` are mocks in these tests (`@patch`, `patch.object`, `with patch(...)`, a
# class's setUp, pytest's monkeypatch): `with open(p) as f` would bind what the mock's `__enter__` returns,
# another mock than the one the test set up, and a mock holds nothing for PyPy to close late
import builtins
import socket
import unittest
from unittest import mock
from unittest.mock import patch


class PatchTest(unittest.TestCase):
    def test_patch_builtins_without_create(self):
        @patch(__name__ + '.open')
        def test_open(mock_open):
            m = mock_open.return_value
            m.read.return_value = 'abcd'

            fobj = open('doesnotexists.txt')
            data = fobj.read()
            fobj.close()
            return data

        self.assertEqual(test_open(), 'abcd')

    @mock.patch.object(socket, 'socket')
    def test_socket(self, m):
        s = socket.socket()
        s.connect(('example.invalid', 1))
        s.close()
        m.return_value.connect.assert_called_once_with(('example.invalid', 1))

    def test_with_patch(self):
        with patch('builtins.open', mock.mock_open(read_data='x')):
            f = open('nothing.txt')
            text = f.read()
            f.close()
        self.assertEqual(text, 'x')


class SetUpTest(unittest.TestCase):
    def setUp(self):
        patcher = mock.patch('%s.open' % __name__, create=True)
        self.opened = patcher.start()
        self.addCleanup(patcher.stop)

    def test_open(self):
        f = open('nothing.txt', 'w')
        f.write('x')
        f.close()
        self.opened.return_value.write.assert_called_once_with('x')


def test_monkeypatch(monkeypatch):
    monkeypatch.setattr(builtins, 'open', mock.MagicMock())
    f = open('nothing.txt')
    f.read()
    f.close()


if __name__ == '__main__':
    unittest.main()
