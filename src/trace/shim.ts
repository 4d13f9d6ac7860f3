// The sitecustomize module that `withify trace` puts first on PYTHONPATH. Python source kept as a string
// so it ships inside dist/ with no asset copying; test/trace.test.ts runs it under python3 and pypy3.

/** File name the shim is written under, in a directory of its own. */
export const SHIM_FILE = 'sitecustomize.py';

/** Environment variable naming the JSON-lines file every traced process appends to. */
export const TRACE_FILE_ENV = 'WITHIFY_TRACE_FILE';
/** Environment variable for the allocation stack depth (frames kept per leak). */
export const TRACE_DEPTH_ENV = 'WITHIFY_TRACE_DEPTH';

export const SHIM_SOURCE = String.raw`
# withify trace shim: records every ResourceWarning (unclosed file, socket, ...) as one JSON line in the
# file named by $WITHIFY_TRACE_FILE, then behaves as the program's own warning filters say. Written by
# 'withify trace'; it lives in a temporary directory and is removed when the run ends.
import sys as _sys


def _withify_install():
    import json
    import os
    import warnings

    out_path = os.environ.get('WITHIFY_TRACE_FILE')
    if not out_path:
        return
    shim_file = os.path.abspath(__file__)
    pypy = hasattr(_sys, 'pypy_version_info')
    impl = 'pypy' if pypy else _sys.implementation.name
    depth = 25
    try:
        depth = max(1, int(os.environ.get('WITHIFY_TRACE_DEPTH', '25')))
    except ValueError:
        pass

    # Captured now: at interpreter shutdown module globals may already be gone, and the program may
    # monkeypatch os or json.
    _open, _write, _close, _dumps, _getpid = os.open, os.write, os.close, json.dumps, os.getpid
    _flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, 'O_CLOEXEC', 0)
    _fspath = os.path.abspath

    def lib_dirs():
        dirs = set()
        try:
            import sysconfig
            for key in ('stdlib', 'platstdlib', 'purelib', 'platlib'):
                p = sysconfig.get_paths().get(key)
                if p:
                    dirs.add(os.path.abspath(p))
        except Exception:
            pass
        try:
            import site
            for p in list(site.getsitepackages()) + [site.getusersitepackages()]:
                dirs.add(os.path.abspath(p))
        except Exception:
            pass
        for p in (_sys.prefix, _sys.base_prefix, getattr(_sys, 'real_prefix', None)):
            if p:
                dirs.add(os.path.join(os.path.abspath(p), 'lib'))
        return tuple(sorted(d.rstrip(os.sep) + os.sep for d in dirs))

    libs = lib_dirs()
    cwd = os.getcwd()

    def is_lib(path):
        if not path or path.startswith('<') or path == shim_file:
            return True
        # Ex) a project living under the interpreter's prefix is still the user's code
        if path.startswith(cwd + os.sep) and 'site-packages' not in path and 'dist-packages' not in path:
            return False
        return path.startswith(libs) or os.sep + 'site-packages' + os.sep in path or os.sep + 'dist-packages' + os.sep in path

    def emit(record):
        record['pid'] = _getpid()
        line = (_dumps(record) + '\n').encode('utf-8', 'backslashreplace')
        try:
            fd = _open(out_path, _flags, 0o644)
            try:
                _write(fd, line)  # one write on an O_APPEND descriptor: lines from processes never interleave
            finally:
                _close(fd)
        except Exception:
            pass

    def frame_list(pairs):
        # pairs: outermost first, (filename, lineno, function)
        return [{'file': f, 'line': n, 'function': fn, 'lib': is_lib(f)} for f, n, fn in pairs]

    # --- allocation stacks -------------------------------------------------------------------------
    user_traces = True  # the program turned tracemalloc on itself (-X tracemalloc, PYTHONTRACEMALLOC)
    try:
        import tracemalloc
        if not tracemalloc.is_tracing():
            user_traces = False
            tracemalloc.start(depth)
    except ImportError:  # Ex) PyPy: no _tracemalloc
        tracemalloc = None

    # Without tracemalloc (PyPy), record the stack where each file or socket is created, and match the
    # warning back to it: by object identity when the warning names its source (CPython), otherwise
    # by the socket's fd or the file's repr among objects collected in this GC cycle (PyPy clears
    # weak references before it runs finalizers, and calls the weakref callbacks after them).
    registry = {}  # id -> [weakref, key, stack]
    if tracemalloc is None:
        import weakref
        import traceback as _tb

        def remember(obj, key):
            try:
                stack = [(f.filename, f.lineno, f.name) for f in _tb.extract_stack(_sys._getframe(2), limit=depth)]
                ident = id(obj)
                registry[ident] = [weakref.ref(obj, lambda _r, i=ident: registry.pop(i, None)), key, stack]
            except Exception:
                pass

        # A callable object, not a function: a function kept as a class attribute (opener = open) binds as a
        # method, and self.opener(p) would pass self as the path, where the builtin does not bind. Pickled, it
        # is builtins.open again.
        class Open(object):
            __slots__ = ('__wrapped__',)

            def __init__(self, real):
                self.__wrapped__ = real

            def __call__(self, *args, **kwargs):
                f = self.__wrapped__(*args, **kwargs)
                remember(f, ('file', repr(f)))
                return f

            def __reduce__(self):
                return 'open'

            def __repr__(self):
                return repr(self.__wrapped__)

            @property
            def __doc__(self):
                return self.__wrapped__.__doc__

            def __getattr__(self, name):
                # Ex) open.__name__, open.__qualname__: the builtin's
                if name == '__wrapped__':
                    raise AttributeError(name)
                return getattr(self.__wrapped__, name)

        Open.__module__ = 'builtins'
        Open.__qualname__ = Open.__name__ = 'open'

        def wrap_open(real):
            return Open(real)

        import io
        import builtins
        wrapped = wrap_open(io.open)
        for mod in (builtins, io):
            if getattr(mod, 'open', None) is wrapped.__wrapped__:
                mod.open = wrapped
        try:
            import _io
            if _io.open is wrapped.__wrapped__:
                _io.open = wrapped
        except ImportError:
            pass
        try:
            import socket
            real_init = socket.socket.__init__

            def __init__(self, *args, **kwargs):
                real_init(self, *args, **kwargs)
                try:
                    remember(self, ('socket', self.fileno()))
                except Exception:
                    pass
            __init__.__wrapped__ = real_init
            socket.socket.__init__ = __init__
        except Exception:
            pass

    import re
    fd_re = re.compile(r'\bfd=(-?\d+)')

    def stack_for(source, text):
        if source is not None and tracemalloc is not None:
            try:
                tb = tracemalloc.get_object_traceback(source)
            except Exception:
                tb = None
            if tb is not None:
                frames = [(fr.filename, fr.lineno, None) for fr in tb]
                # Ex) CPython before 3.7 lists the most recent frame first
                if _sys.version_info < (3, 7):
                    frames.reverse()
                return frame_list(frames), 'tracemalloc'
        if not registry:
            return None, 'none'
        entry = registry.pop(id(source), None) if source is not None else None
        if entry is None:
            m = fd_re.search(text)
            key = ('socket', int(m.group(1))) if m and 'socket' in text else None
            dead = [(i, e) for i, e in list(registry.items()) if e[0]() is None]
            for i, e in dead:
                if (key is not None and e[1] == key) or (e[1][0] == 'file' and e[1][1] in text):
                    entry = registry.pop(i, None)
                    break
        if entry is None:
            return None, 'none'
        return frame_list(entry[2]), 'shim'

    def kind_of(text):
        if text.startswith('unclosed file'):
            return 'file'
        if 'socket' in text.split('>')[0] and text.startswith('unclosed'):
            return 'socket'
        return 'other'

    def record(message, category, filename, lineno, source, via):
        try:
            text = str(message)
            frames, how = stack_for(source, text)
            emit({'event': 'warning', 'category': category.__name__, 'message': text, 'kind': kind_of(text),
                  'filename': filename, 'lineno': lineno, 'stack': frames, 'stackFrom': how, 'via': via})
        except Exception:
            pass

    # --- filters --------------------------------------------------------------------------------------
    # Our entry, first in warnings.filters, makes every ResourceWarning reach _showwarnmsg (no
    # per-site deduplication, so counts are true). The program's own filters then decide what it sees,
    # so its stderr is what it would have been without withify.
    OURS = ('always', None, ResourceWarning, None, 0)

    def ensure_first(filters):
        seen.clear()  # Ex) like the registries warnings resets whenever its filters change
        if not isinstance(filters, GuardedFilters):
            filters = GuardedFilters(filters)
        i = 0
        while i < list.__len__(filters):
            if list.__getitem__(filters, i) is OURS:
                list.pop(filters, i)
            else:
                i += 1
        list.insert(filters, 0, OURS)
        return filters

    class GuardedFilters(list):
        """warnings.filters whose first entry stays ours, whatever simplefilter/resetwarnings do. The
        interpreter's own warnings code reads the list's storage, ours first; Python code sees the list
        without it (len, indexes, pop, iteration), as it would without withify. PyPy's reads the list as
        Python code does: there it sees ours (StorageFilters, below)."""
        def _view(self):
            return [item for item in list.__iter__(self) if item is not OURS]

        def _store(self, view):
            seen.clear()
            list.__setitem__(self, slice(None), [OURS] + [item for item in view if item is not OURS])

        def __len__(self):
            return len(self._view())

        def __iter__(self):
            return iter(self._view())

        def __reversed__(self):
            return reversed(self._view())

        def __contains__(self, item):
            return item in self._view()

        def __repr__(self):
            return repr(self._view())

        def __getitem__(self, index):
            if isinstance(index, slice):
                # Ex) catch_warnings saves 'filters[:]' and works on the copy
                return GuardedFilters(self._view()[index])
            return self._view()[index]

        def __setitem__(self, index, value):
            view = self._view()
            view[index] = value
            self._store(view)

        def __delitem__(self, index):
            view = self._view()
            del view[index]
            self._store(view)

        def insert(self, index, item):
            view = self._view()
            view.insert(index, item)
            self._store(view)

        def pop(self, index=-1):
            view = self._view()
            item = view.pop(index)
            self._store(view)
            return item

        def index(self, *args):
            return self._view().index(*args)

        def count(self, item):
            return self._view().count(item)

        def copy(self):
            return self._view()

        def sort(self, *args, **kwargs):
            view = self._view()
            view.sort(*args, **kwargs)
            self._store(view)

        def reverse(self):
            view = self._view()
            view.reverse()
            self._store(view)

        def clear(self):
            self._store([])

        def remove(self, item):
            # Ex) simplefilter('always', ResourceWarning) removes an equal entry before inserting: not ours
            view = self._view()
            view.remove(item)
            self._store(view)

    class StorageFilters(list):
        """warnings.filters whose first entry stays ours, whatever simplefilter/resetwarnings do."""
        def insert(self, index, item):
            seen.clear()
            list.insert(self, max(1, index) if index >= 0 else index, item)

        def __setitem__(self, index, value):
            list.__setitem__(self, index, value)
            ensure_first(self)

        def clear(self):
            list.clear(self)
            list.insert(self, 0, OURS)

        def remove(self, item):
            # Ex) simplefilter('always', ResourceWarning) removes an equal entry before inserting: not ours
            for i in range(1, len(self)):
                if list.__getitem__(self, i) == item:
                    list.pop(self, i)
                    return
            raise ValueError('list.remove(x): x not in list')

        def __delitem__(self, index):
            list.__delitem__(self, index)
            ensure_first(self)

        def __getitem__(self, index):
            got = list.__getitem__(self, index)
            # Ex) catch_warnings saves 'filters[:]' and works on the copy
            return StorageFilters(got) if isinstance(index, slice) else got

    if _sys.implementation.name != 'cpython':
        GuardedFilters = StorageFilters  # noqa: F811

    def user_action(message, category, filename, lineno, module):
        text = str(message)
        for item in list.__iter__(warnings.filters):
            if item is OURS:
                continue
            action, msg, cat, mod, ln = item
            if ((msg is None or msg.match(text)) and issubclass(category, cat)
                    and (mod is None or mod.match(module)) and (ln == 0 or lineno == ln)):
                return action
        return warnings.defaultaction

    seen = set()
    real_showwarnmsg = getattr(warnings, '_showwarnmsg', None)

    def show(msg):
        if user_traces or tracemalloc is None:
            return real_showwarnmsg(msg)
        # Print what the program would print without our tracemalloc: the "Enable tracemalloc" hint,
        # not the allocation traceback.
        is_tracing, get_tb = tracemalloc.is_tracing, tracemalloc.get_object_traceback
        tracemalloc.is_tracing, tracemalloc.get_object_traceback = (lambda: False), (lambda obj: None)
        try:
            return real_showwarnmsg(msg)
        finally:
            tracemalloc.is_tracing, tracemalloc.get_object_traceback = is_tracing, get_tb

    def first_match(category, text, module, lineno):
        for item in list.__iter__(warnings.filters):
            action, msg, cat, mod, ln = item
            if ((msg is None or msg.match(text)) and issubclass(category, cat)
                    and (mod is None or mod.match(module)) and (ln == 0 or lineno == ln)):
                return item
        return None

    def _showwarnmsg(msg):
        category = msg.category
        if not (isinstance(category, type) and issubclass(category, ResourceWarning)):
            return real_showwarnmsg(msg)
        try:
            module = _sys._getframe(1).f_globals.get('__name__') or ''
        except Exception:
            module = ''
        if not isinstance(module, str):
            module = ''
        record(msg.message, category, msg.filename, msg.lineno, getattr(msg, 'source', None), 'warnings')
        text = str(msg.message)
        if first_match(category, text, module, msg.lineno) is not OURS:
            return show(msg)  # the program's own filter let it through: show as it would
        action = user_action(msg.message, category, msg.filename, msg.lineno, module)
        if action == 'ignore':
            return None
        if action == 'error':
            exc = msg.message if isinstance(msg.message, Warning) else category(text)
            try:
                exc._withify_recorded = True
                if not pypy:
                    # Ex) CPython names the frame that was running when the finalizer ran; PyPy names none
                    import types
                    caller = _sys._getframe(1)
                    exc = exc.with_traceback(types.TracebackType(None, caller, caller.f_lasti, caller.f_lineno))
            except Exception:
                pass
            raise exc
        if action in ('default', 'module', 'once'):
            key = {'default': (text, category, msg.filename, msg.lineno),
                   'module': (text, category, msg.filename), 'once': (text, category)}[action]
            if key in seen:
                return None
            seen.add(key)
        return show(msg)

    if real_showwarnmsg is not None:
        warnings._showwarnmsg = _showwarnmsg

    # Ex) a filter the program installs in front of ours says 'error': the warning becomes an
    # exception inside a finalizer, which reaches sys.unraisablehook instead.
    real_unraisable = getattr(_sys, 'unraisablehook', None)
    if real_unraisable is not None:
        def unraisablehook(unraisable):
            exc = unraisable.exc_value
            if isinstance(exc, ResourceWarning):
                if not getattr(exc, '_withify_recorded', False):
                    record(exc, type(exc), None, None, unraisable.object, 'unraisable')
                else:
                    # raised by _showwarnmsg for the program's 'error' filter: hide the shim's frame
                    tb = unraisable.exc_traceback
                    while tb is not None and tb.tb_frame.f_code.co_filename == shim_file:
                        tb = tb.tb_next
                    if pypy and real_unraisable is getattr(_sys, '__unraisablehook__', None):
                        # Ex) PyPy's default hook rejects a rebuilt argument: print what it would
                        import traceback
                        stream = _sys.stderr
                        if stream is not None:
                            stream.write('%s: %r\n' % (unraisable.err_msg or 'Exception ignored in', unraisable.object))
                            stream.write(''.join(traceback.format_exception(type(exc), exc, tb)))
                            stream.flush()
                        return None
                    try:
                        unraisable = type(unraisable)((unraisable.exc_type, exc.with_traceback(tb), tb,
                                                       unraisable.err_msg, unraisable.object))
                    except Exception:
                        pass
            return real_unraisable(unraisable)
        _sys.unraisablehook = unraisablehook

    # warnings.filters is replaced wholesale by catch_warnings.__exit__ and by some test runners: a
    # module subclass turns every assignment into one that keeps our entry first.
    class GuardedWarnings(type(warnings)):
        @property
        def filters(self):
            return self.__dict__['filters']

        @filters.setter
        def filters(self, value):
            self.__dict__['filters'] = ensure_first(value)
            try:
                self._filters_mutated()
            except Exception:
                pass

    warnings.filters = ensure_first(warnings.filters)
    try:
        warnings.__class__ = GuardedWarnings
    except TypeError:
        pass
    try:
        warnings._filters_mutated()
    except Exception:
        pass

    # --- abandoned async generators -----------------------------------------------------------------
    # An event loop (asyncio) sets hooks: firstiter when an async generator first runs, finalizer when it
    # is dropped before it finished (CPython: at once; PyPy: when its GC gets to it). Wrapped, they record
    # where it first ran (the 'async for' or 'anext' line) and that it was dropped with its cleanup still
    # pending; the loop's own hooks then run as before. A generator closed by 'aclose()' or run to its end
    # reaches no finalizer.
    try:
        import weakref as _weakref
        import traceback as _traceback
        real_set_hooks = _sys.set_asyncgen_hooks
        # id(agen) -> (weakref, stack). CPython clears an object's weak references before it runs the
        # finalizer, so no weakref callback removes an entry: the finalizer pops it, firstiter overwrites it
        # (no two live generators share an id), and entries of generators gone otherwise are pruned.
        started = {}

        def report(agen, entry, message):
            code = getattr(agen, 'ag_code', None)
            name = getattr(code, 'co_qualname', None) or getattr(code, 'co_name', '?')
            emit({'event': 'warning', 'category': 'AbandonedAsyncGenerator', 'message': message % name,
                  'kind': 'async generator', 'filename': getattr(code, 'co_filename', None),
                  'lineno': getattr(code, 'co_firstlineno', None),
                  'stack': frame_list(entry[1]) if entry else None, 'stackFrom': 'shim' if entry else 'none',
                  'via': 'asyncgen'})

        # Ex) PyPy: an abandoned generator its GC has not collected when asyncio.run ends reaches no
        # finalizer; the loop closes every generator still unfinished itself (shutdown_asyncgens).
        # Those are reported there, before the loop closes them.
        watched_loops = set()

        def watch_loop(loop):
            if loop is None or id(loop) in watched_loops or not hasattr(loop, '_asyncgens'):
                return
            watched_loops.add(id(loop))
            real_shutdown = loop.shutdown_asyncgens

            def shutdown_asyncgens():
                try:
                    for agen in list(loop._asyncgens):
                        entry = started.pop(id(agen), None)
                        if entry is not None and getattr(agen, 'ag_frame', None) is not None:
                            report(agen, entry, 'async generator %s() never finished: its pending finally/async with exit ran only when the event loop shut down')
                except Exception:
                    pass
                return real_shutdown()
            loop.shutdown_asyncgens = shutdown_asyncgens

        def wrap_firstiter(hook):
            if hook is None or getattr(hook, '_withify_hook', False):
                return hook
            try:
                watch_loop(getattr(hook, '__self__', None))
            except Exception:
                pass

            def firstiter(agen):
                try:
                    if len(started) > 4096:
                        for i in [i for i, e in started.items() if e[0]() is None]:
                            del started[i]
                    stack = [(f.filename, f.lineno, f.name) for f in _traceback.extract_stack(_sys._getframe(1), limit=depth)]
                    started[id(agen)] = (_weakref.ref(agen), stack)
                except Exception:
                    pass
                return hook(agen)
            firstiter._withify_hook = True
            return firstiter

        def wrap_finalizer(hook):
            if hook is None or getattr(hook, '_withify_hook', False):
                return hook

            def finalizer(agen):
                try:
                    report(agen, started.pop(id(agen), None), 'async generator %s() dropped before it finished: its pending finally/async with exit waits for the garbage collector (on PyPy: seconds later, or never)')
                except Exception:
                    pass
                return hook(agen)
            finalizer._withify_hook = True
            return finalizer

        def set_asyncgen_hooks(*args, **kwargs):
            names = ('firstiter', 'finalizer')
            given = dict(zip(names, args))
            given.update(kwargs)
            if 'firstiter' in given:
                given['firstiter'] = wrap_firstiter(given['firstiter'])
            if 'finalizer' in given:
                given['finalizer'] = wrap_finalizer(given['finalizer'])
            return real_set_hooks(**given)
        set_asyncgen_hooks.__doc__ = real_set_hooks.__doc__
        _sys.set_asyncgen_hooks = set_asyncgen_hooks
    except Exception:
        pass

    if pypy:
        # PyPy frees objects only when its GC runs; collect at exit so leaks held until the end show.
        import atexit
        import gc
        atexit.register(lambda: (gc.collect(), gc.collect()))

    emit({'event': 'start', 'implementation': impl, 'version': '%d.%d.%d' % _sys.version_info[:3],
          'executable': _sys.executable, 'argv': list(getattr(_sys, 'argv', [])), 'cwd': cwd,
          'stacks': 'tracemalloc' if tracemalloc is not None else 'shim'})


def _withify_chain():
    # Run the sitecustomize that would have been imported without us (a virtualenv may have one).
    import os
    import importlib
    shim_dir = os.path.dirname(os.path.abspath(__file__))
    path = _sys.path
    kept = [p for p in path if not p or os.path.abspath(p) != shim_dir]
    if len(kept) != len(path):
        path[:] = kept
    mine = _sys.modules.pop('sitecustomize', None)
    try:
        importlib.import_module('sitecustomize')
    except ImportError as e:
        name = getattr(e, 'name', None)
        if name is None:  # Ex) Python 2: "No module named sitecustomize"
            name = str(e).split()[-1].strip("'")
        if name != 'sitecustomize':
            raise
        if mine is not None:
            _sys.modules['sitecustomize'] = mine


if _sys.version_info[0] >= 3:
    try:
        _withify_install()
    except Exception:
        pass  # Ex) an interpreter the shim does not know: run untraced rather than print an error
_withify_chain()
`;
