# A class with __exit__: callers can use with, __del__ is a safety net
class Conn:
    def close(self):
        self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()
