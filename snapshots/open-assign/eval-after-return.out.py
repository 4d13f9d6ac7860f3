# A read by name (`eval` with a namespace that may be None) counts only where the code after the block can reach it:
# not after a handler that returns (IPython's find_user_code); still after a try body, in a finally, past a break.
from urllib.request import urlopen


def load(target, ns):
    try:
        return open(target).read()
    except OSError:
        with urlopen(target) as response:
            return response.read().decode("latin1")
    return eval(target, ns)


def caught(target, ns):
    try:
        response = urlopen(target)
        return response.read().decode("latin1")
    except OSError:
        pass
    return eval(target, ns)


def finally_reads(target, ns):
    try:
        return 1
    except OSError:
        response = urlopen(target)
        return response.read()
    finally:
        eval(target, ns)


def loop_break(targets, ns):
    for t in targets:
        response = urlopen(t)
        if not t:
            break
        return response.read()
    return eval("1", ns)


def finally_continues(paths):
    for p in paths:
        try:
            pass
        except OSError:
            pass
        else:
            f = open(p)
            return f.read()
        finally:
            continue
    return eval("f.closed")
