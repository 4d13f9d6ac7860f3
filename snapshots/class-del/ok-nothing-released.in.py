# A __del__ that releases nothing is not reported
import logging

log = logging.getLogger(__name__)


class Counted:
    live = 0

    def __del__(self):
        Counted.live -= 1
        log.debug("gone")


class Registered:
    registry = []

    def __del__(self):
        Registered.registry.remove(self)
        print(", ".join(["gone", repr(self)]))
