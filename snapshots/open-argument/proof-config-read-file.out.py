# Proof: `config.read_file(open(p))`, the configparser documentation's own example, in a loop: PyPy keeps each file
# open until its GC runs, and a process allowed 64 descriptors runs out of them
import configparser
import resource


def host_of(path):
    config = configparser.ConfigParser()
    with open(path) as f:
        config.read_file(f)
    return config["db"]["host"]


resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
with open("defaults.cfg", "w") as f:
    f.write("[db]\nhost = localhost\n")
for i in range(500):
    assert host_of("defaults.cfg") == "localhost"
print("ok")
