class Store:
    @staticmethod  # a comment on the decorator's line
    def numbers(n):
        try:
            yield from range(n)
        finally:
            print("cleanup")

    def small(self):
        for n in self.numbers(10):
            if n > 3:
                break
        return n
