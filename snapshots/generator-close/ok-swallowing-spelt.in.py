# A context manager that swallows the GeneratorExit `close()` throws in, however the `with` spells it: in
# parentheses, with `as` or `:=` inside them, in a conditional expression, a module-level instance, an alias of the
# class, an `__exit__` bound by assignment, an `async def __aexit__` that returns True. The generator yields again and closing it raises
# RuntimeError, where CPython only printed "Exception ignored" (or asyncio logged it): fixed only with
# --unsafe-fixes, so nothing here changes.
import contextlib


class Quiet:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return True


class Hushed:
    def __enter__(self):
        return self

    __exit__ = lambda self, *exc: True


class AsyncQuiet:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return True


QUIET = Quiet()
QuietAlias = Quiet


def in_parens():
    for i in range(3):
        with (Quiet()):
            yield i


def as_in_parens():
    for i in range(3):
        with (Quiet() as q):
            yield i


def suppressed_in_parens():
    for i in range(3):
        with (contextlib.suppress(GeneratorExit)):
            yield i


def conditional(flag):
    for i in range(3):
        with Quiet() if flag else contextlib.nullcontext():
            yield i


def instance():
    for i in range(3):
        with QUIET:
            yield i


def assigned_exit():
    for i in range(3):
        with Hushed():
            yield i


async def async_exit():
    for i in range(3):
        async with AsyncQuiet():
            yield i


def walrus():
    for i in range(3):
        with (q := Quiet()):
            yield i


def aliased():
    for i in range(3):
        with QuietAlias():
            yield i


def use(flag):
    for x in in_parens():
        break
    for x in as_in_parens():
        break
    for x in suppressed_in_parens():
        break
    for x in conditional(flag):
        break
    for x in instance():
        break
    for x in assigned_exit():
        break
    for x in walrus():
        break
    for x in aliased():
        break


async def ause():
    async for x in async_exit():
        break
