# comments stay put and a triple-quoted string inside the loop is not re-indented
def report(p):
    # scan the file
    with open(p) as f:
        for line in f:  # one line at a time
            # skip blanks
            if not line.strip():
                continue
            print("""line:
%s
    end""" % line)
                # a comment indented deeper than the loop belongs to it
    # after the loop
    return None
