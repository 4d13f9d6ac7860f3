class Store:
    @staticmethod  # a comment on the decorator's line
    def numbers(n):
        try:
            yield from range(n)
        finally:
            print("cleanup")

    def small(self):
        gen = self.numbers(10)
        try:
            for n in gen:
                if n > 3:
                    break
        finally:
            gen.close()
        return n
