# Closing raises while a value bound to a name still depends on the object: a memory map whose buffer a
# memoryview exports (BufferError), an archive with a member open for writing (ValueError). The code only
# dropped them on a path that leaves before the close; a `with` would raise in place of that exception
import io
import mmap
import struct
import zipfile


def header(data):
    mm = mmap.mmap(-1, len(data))
    mm.write(data)
    view = memoryview(mm)
    magic, = struct.unpack_from("<I", view, 0)
    if magic != 0xCAFEBABE:
        raise ValueError("bad magic %x" % magic)
    view.release()
    mm.close()
    return magic


def dump(p, records, encode):
    zf = zipfile.ZipFile(p, "w")
    member = zf.open("data.jsonl", "w")
    for r in records:
        member.write(encode(r))
    member.close()
    zf.close()


def first_word(path, check):
    with open(path, "r+b") as fh:
        mm = mmap.mmap(fh.fileno(), 0)
        check(memoryview(mm)[0:4])
        mm.close()


def dump_text(p, rows, render):
    zf = zipfile.ZipFile(p, "w")
    w = io.TextIOWrapper(zf.open("data.txt", "w"), encoding="utf-8")
    for r in rows:
        w.write(render(r))
    w.close()
    zf.close()
