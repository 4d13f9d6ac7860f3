# A `yield` inside a `with` block holds cleanup too (the `with` exit), async `with` included.
import threading

LOCK = threading.Lock()


def locked_items(items):
    with LOCK:
        for item in items:
            yield item


def first_item(items):
    gen = locked_items(items)
    try:
        for item in gen:
            return item
    finally:
        gen.close()
