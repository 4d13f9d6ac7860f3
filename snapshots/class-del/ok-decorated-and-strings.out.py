# Comments and strings mentioning __del__ are not classes; a decorated method counts as a method
import functools


class Pool:
    """def __del__(self): self.close()"""

    # def __del__(self): self.shutdown()

    @functools.wraps(object.__del__ if hasattr(object, "__del__") else print)
    def __del__(self):  # expect: WFY110
        self.executor.shutdown(wait=False)
