# write_text(newline=) needs 3.10 and read_text has none before 3.13: with target 3.8 nothing changes
write = lambda p, s: open(p, "w", newline="\r\n").write(s)
read = lambda p: open(p, newline="").read()
