# Review rv55f: the class's reader replaced by name, which no use of the variable shows
import configparser


def keep(self, f, source=None):
    self.kept = f


configparser.ConfigParser.read_file = keep


def load(p):
    parser = configparser.ConfigParser()
    parser.read_file(open(p))
    return parser.kept.read()
