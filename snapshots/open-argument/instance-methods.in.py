import configparser
import ftplib
from configparser import RawConfigParser


def load(p):
    config = configparser.ConfigParser()
    config.read_file(open(p))
    return config


def load_raw(p):
    cp: RawConfigParser = RawConfigParser()
    cp.read_file(open(p), source="defaults")
    return cp


def upload(host, p):
    with ftplib.FTP(host) as ftp:
        ftp.storbinary("STOR data.bin", open(p, "rb"))
        ftp.storlines("STOR notes.txt", fp=open(p + ".txt", "rb"))


# Review rv55f: `args.config` is no use of `config`; an option set, `in`, a loop over the sections, an annotation
def load_options(args):
    config: configparser.ConfigParser = configparser.ConfigParser()
    config.optionxform = str
    config.read_file(open(args.config))
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
