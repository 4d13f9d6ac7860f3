# Awaits after `.readlines()` has read everything: CPython had closed the file, a `with` would hold it across them
async def send_lines(p):
    for line in open(p).readlines():
        await send(line)


async def send_chars(p):
    x = [c async for c in achars(open(p).read())]
    return x
