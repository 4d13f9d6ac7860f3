# write_text(newline=) exists from Python 3.10: with target 3.10 the newline keyword is carried over
write = lambda p, s: open(p, "w", newline="\r\n").write(s)
