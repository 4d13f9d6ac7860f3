# CRLF file
class Lock:
    def __del__(self):  # expect: WFY110
        self.lock.release()
