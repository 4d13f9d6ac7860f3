# A close() only inside a nested function of __del__ is not a release by __del__ itself
class Lazy:
    def __del__(self):
        def later():
            self.f.close()
        self.pending = later
