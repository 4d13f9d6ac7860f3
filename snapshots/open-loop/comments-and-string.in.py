# comments stay put and a triple-quoted string inside the loop is not re-indented
def report(p):
    # scan the file
    for line in open(p):  # one line at a time
        # skip blanks
        if not line.strip():
            continue
        print("""line:
%s
    end""" % line)
            # a comment indented deeper than the loop belongs to it
    # after the loop
    return None
