# Inside an async function
import tempfile


async def main():
    return tempfile.TemporaryDirectory().name  # expect: WFY111
