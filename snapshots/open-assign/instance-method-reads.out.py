import configparser


def load(path):
    parser = configparser.ConfigParser()
    with open(path) as f:
        parser.read_file(f)
    return parser["main"]


def load_kept(path):
    # Not known to leave it alone: a parser of no known class
    parser = make_parser()
    f = open(path)
    parser.read_file(f)
    return parser


def make_parser():
    return configparser.ConfigParser()
