# A module-level function named __del__ is not a finalizer
def __del__(obj):
    obj.close()
