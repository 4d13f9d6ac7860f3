# an `ExitStack` entering `suppress(…)` takes the exception
from contextlib import suppress, ExitStack

def main(p):
    with ExitStack() as st:
        st.enter_context(suppress(ValueError))
        f = open(p, "a")
        f.write("first\n")
        int("x")
        f.close()
    with open(p, "a") as g:
        g.write("after\n")
