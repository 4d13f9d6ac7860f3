# Deeply nested blocks: class, method, try, for, with, while, if
import threading


class Job:
    lock = threading.Lock()

    def run(self, paths, log):
        try:
            for p in paths:
                with self.lock:
                    while True:
                        if p:
                            open(log, "a").write(p)
                        break
        except OSError:
            return open(log).read()
        finally:
            pass
