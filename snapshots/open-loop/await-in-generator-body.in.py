# The awaits of an async generator expression's body run when it is iterated, after the statement; only its
# first iterable runs in the statement, so a `with` around the statement holds the file across no await
async def lines_to_send(p, send):
    pending = (await send(line) for line in open(p).readlines())
    return pending


# Consumed in the statement by an `async for`: the file would be held across the awaits
async def send_now(p, send):
    sent = [x async for x in (await send(line) for line in open(p).readlines())]
    return sent


# An await in the first iterable runs in the statement, after the file is read
async def send_whole(p, send):
    parts = (part for part in await send(open(p).read()))
    return parts
