# Inside def/class/if/try/for/while/with/async def
import asyncio


class Store:
    def dump(self, paths, lock):
        for p in paths:
            while p:
                try:
                    with lock:
                        if p:
                            with open(p, "w") as f:
                                for k in self.keys():
                                    try:
                                        f.write(k)
                                    except ValueError:
                                        pass
                finally:
                    p = None

    async def fetch(self, p):
        with open(p) as f:
            await asyncio.sleep(0)
            text = f.read()
        return text
