# One-line try / except / else / finally bodies
def save(path, data, log):
    try:
        with open(path, "w") as f:
            f.write(data)
    except OSError:
        with open(log, "a") as fh:
            fh.write("failed\n")
    else:
        with open(log, "a") as fp:
            fp.write("ok\n")
    finally:
        with open(log, "a") as f2:
            f2.write("end\n")
