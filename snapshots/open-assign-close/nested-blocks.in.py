# The assignment deep inside def/class/if/try/for/while/with/async def; nested statements move in whole
import asyncio


class Store:
    def dump(self, paths, lock):
        for p in paths:
            while True:
                try:
                    with lock:
                        if p:
                            f = open(p, "w")
                            for k, v in self.items():
                                if v is None:
                                    continue
                                try:
                                    f.write(k)
                                except ValueError:
                                    pass
                                else:
                                    f.write("\n")
                            f.close()
                finally:
                    break

    async def fetch(self, p):
        f = open(p)
        await asyncio.sleep(0)
        text = f.read()
        f.close()
        return text
