# A FileInput's filename()/lineno()/filelineno()/isfirstline()/isstdin() answer plain values, which an f-string's field keeps only as text: the raise may leave the with (numpy's crackfortran)
import fileinput


def read(files):
    out = []
    with fileinput.FileInput(files) as fin:
        while True:
            try:
                line = fin.readline()
            except UnicodeDecodeError as msg:
                raise Exception(f'reading {fin.filename()}#{fin.lineno()} failed: {msg}')
            if not line:
                break
            if fin.isfirstline() and not fin.isstdin():
                out.append((fin.filename(), fin.filelineno()))
            out.append(line)
    return out
