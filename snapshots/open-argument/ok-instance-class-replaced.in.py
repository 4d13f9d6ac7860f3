# Review rv55e: the class replaced in the file (a test double would be too): `ConfigParser()` makes a `Mine`
import configparser


class Mine(configparser.ConfigParser):
    def read_file(self, f, source=None):
        self.kept = f


configparser.ConfigParser = Mine


def load(p):
    parser = configparser.ConfigParser()
    parser.read_file(open(p))
    return parser.kept.read()
