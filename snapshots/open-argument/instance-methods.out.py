import configparser
import ftplib
from configparser import RawConfigParser


def load(p):
    config = configparser.ConfigParser()
    with open(p) as f:
        config.read_file(f)
    return config


def load_raw(p):
    cp: RawConfigParser = RawConfigParser()
    with open(p) as f:
        cp.read_file(f, source="defaults")
    return cp


def upload(host, p):
    with ftplib.FTP(host) as ftp:
        with open(p, "rb") as f:
            ftp.storbinary("STOR data.bin", f)
        with open(p + ".txt", "rb") as fh:
            ftp.storlines("STOR notes.txt", fp=fh)


# Review rv55f: `args.config` is no use of `config`; an option set, `in`, a loop over the sections, an annotation
def load_options(args):
    config: configparser.ConfigParser = configparser.ConfigParser()
    config.optionxform = str
    with open(args.config) as f:
        config.read_file(f)
    if "db" in config:
        return [s for s in config]
    return config


# Not known: an object some call made, one of two classes, a method that is no reader, a name bound twice
def unknown(p, make):
    cp = make()
    cp.read_file(open(p))


def branch(p, flag):
    if flag:
        cp = configparser.ConfigParser()
    else:
        cp = Other()
    cp.read_file(open(p))


def other_method(p):
    cp = configparser.ConfigParser()
    cp.keep(open(p))


def unpacked(p):
    cp, other = configparser.ConfigParser(), None
    cp.read_file(open(p))


class Other:
    def read_file(self, f):
        self.f = f
