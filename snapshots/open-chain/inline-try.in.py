# One-line try / except / else / finally bodies
def save(path, data, log):
    try: open(path, "w").write(data)
    except OSError: open(log, "a").write("failed\n")
    else: open(log, "a").write("ok\n")
    finally: open(log, "a").write("end\n")
