# Review rv55e: a parser withify cannot show to be the one made, with its own read_file, when the call runs
import configparser
import ftplib


class Keeper:
    def read_file(self, f, source=None):
        self.f = f


cp = configparser.ConfigParser()


def rebound_globally(p):
    global cp
    cp = Keeper()
    cp.read_file(open(p))
    return cp


def rebound_by_nested(p):
    parser = configparser.ConfigParser()

    def swap():
        nonlocal parser
        parser = Keeper()

    swap()
    parser.read_file(open(p))
    return parser


def at_module_level(p):
    cp.read_file(open(p))


def method_replaced(p, kept):
    parser = configparser.ConfigParser()
    parser.read_file = kept.append
    parser.read_file(open(p))


def aliased(p, kept):
    parser = configparser.ConfigParser()
    other = parser
    other.read_file = kept.append
    parser.read_file(open(p))


def handed_on(p, prepare):
    parser = configparser.ConfigParser()
    prepare(parser)
    parser.read_file(open(p))


def spool(host, p):
    with ftplib.FTP(host) as ftp:
        ftp = Keeper()
        ftp.storbinary("STOR x", open(p, "rb"))


# Review rv55f: a dunder, a closure, a bound method kept, a section that keeps its parser
def through_dict(p, kept):
    parser = configparser.ConfigParser()
    parser.__dict__["read_file"] = kept.append
    parser.read_file(open(p))


def closure(p, use):
    parser = configparser.ConfigParser()
    use(lambda: parser)
    parser.read_file(open(p))


def bound_method(p, use):
    parser = configparser.ConfigParser()
    use(parser.get)
    parser.read_file(open(p))


def section_kept(p, use):
    parser = configparser.ConfigParser()
    use(parser["DEFAULT"].parser)
    parser.read_file(open(p))
