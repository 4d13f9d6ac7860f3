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
                            with open(log, "a") as f:
                                f.write(p)
                        break
        except OSError:
            with open(log) as fh:
                return fh.read()
        finally:
            pass
