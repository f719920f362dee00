"""Every SQLite error leaves the store as one of the store's own errors.

``translate_sqlite_errors`` wraps each public method of the store (generators too, whose
errors come while the caller iterates), so no ``sqlite3`` exception reaches the layers
above, whatever query meets a damaged page or a full disk.
"""

from __future__ import annotations

import functools
import inspect
import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

Class = TypeVar("Class", bound=type)

# Context managers translate inside themselves: wrapping the call that makes one catches nothing.
_TRANSLATING_THEMSELVES = frozenset({"transaction", "bulk_writes", "errors_translated"})


def _wrapped(method: Callable[..., Any]) -> Callable[..., Any]:
    if inspect.isgeneratorfunction(method):
        @functools.wraps(method)
        def streaming(self, *args: Any, **kwargs: Any) -> Any:
            try:
                yield from method(self, *args, **kwargs)
            except sqlite3.Error as error:
                raise self._translated(error) from None
        return streaming

    @functools.wraps(method)
    def calling(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as error:
            raise self._translated(error) from None
    return calling


def translate_sqlite_errors(cls: Class) -> Class:
    """``cls`` with every public method, its own or a mixin's, turning sqlite3 errors into
    ``cls._translated(error)``."""
    methods = {}
    for klass in reversed(cls.__mro__[:-1]):  # the most derived definition wins
        methods.update((name, member) for name, member in vars(klass).items()
                       if not name.startswith("_") and name not in _TRANSLATING_THEMSELVES
                       and inspect.isfunction(member))
    for name, member in methods.items():
        setattr(cls, name, _wrapped(member))
    return cls
