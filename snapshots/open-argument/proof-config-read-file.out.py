# Proof: `config.read_file(open(p))`, the configparser documentation's own example, in a loop: PyPy keeps each file
# open until its GC runs, and a process allowed 64 descriptors runs out of them
import configparser
import resource

resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
with open("defaults.cfg", "w") as f:
    f.write("[db]\nhost = localhost\n")
for i in range(500):
    config = configparser.ConfigParser()
    with open("defaults.cfg") as _f:
        config.read_file(_f)
    assert config["db"]["host"] == "localhost"
print("ok")
