# Proof: a with rebinds the name to another object (a pooled connection) that the code closes by hand
# afterwards, so the file is never closed and PyPy runs out of descriptors. The file gets a with of its
# own; the connection's close stays where it is.
import resource

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (64, hard))

with open("query.txt", "w") as out:
    out.write("select 1")


class Connection:
    closed = 0

    def execute(self, query):
        return len(query)

    def close(self):
        Connection.closed += 1


class Pool:
    def connection(self):
        return self

    def __enter__(self):
        return Connection()

    def __exit__(self, *exc):
        return False


def run(path, pool):
    f = open(path)
    query = f.read()
    with pool.connection() as f:
        n = f.execute(query)
    f.close()
    return n


pool = Pool()
total = 0
for i in range(2000):
    total += run("query.txt", pool)
print(total, Connection.closed)
