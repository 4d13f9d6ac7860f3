# os.close, os.remove, shutil.rmtree in __del__
import os
import shutil


class Fd:
    def __del__(self):  # expect: WFY110
        os.close(self.fd)


class Scratch:
    def __del__(self):  # expect: WFY110
        shutil.rmtree(self.path, ignore_errors=True)


class Lockfile:
    def __del__(self):  # expect: WFY110
        try:
            os.remove(self.path)
        except OSError:
            pass
