# Suppressed with noqa on the def line
class Sock:
    def __del__(self):  # noqa: WFY110
        self.sock.close()


class Sock2:
    def __del__(self):  # withify: ignore
        self.sock.close()
