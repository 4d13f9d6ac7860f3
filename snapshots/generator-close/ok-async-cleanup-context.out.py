# An async generator whose cleanup changes context variables: CPython's finalizer hook ran that cleanup later, in a
# task of its own, on a copy of the caller's context; `await agen.aclose()` would run it in the caller's context,
# whose variables it would then change (`current_job` back to "idle", the decimal precision back to 28 digits).
# Reported, the fix only behind --unsafe-fixes.
import asyncio
import contextvars
import decimal

current_job = contextvars.ContextVar("current_job", default="idle")


async def job_rows(name, n):
    token = current_job.set(name)
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i
    finally:
        current_job.reset(token)


async def first_over(limit):
    async for r in job_rows("import", 10):
        if r > limit:
            break
    return r


async def rounded(raw):
    with decimal.localcontext() as ctx:
        ctx.prec = 4
        for p in raw:
            await asyncio.sleep(0)
            yield +decimal.Decimal(p)


async def first_expensive(raw, limit):
    async for price in rounded(raw):
        if price > limit:
            return price
    return None
