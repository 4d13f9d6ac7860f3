# A local class called TemporaryDirectory is not tempfile's
class TemporaryDirectory:
    name = "fixed"


path = TemporaryDirectory().name
