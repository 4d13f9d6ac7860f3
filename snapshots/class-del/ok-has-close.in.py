# close() exists but no __exit__: reported, with the advice to add __enter__/__exit__
class Conn:
    def close(self):
        self.sock.close()

    def __del__(self):  # expect: WFY110
        self.close()
