"""Every database error (SQLite's, the server's) leaves the store as one of the store's own errors.

``translating(sqlite3.Error)`` (the server store: ``translating(psycopg.Error)``) wraps each
public method of the store (generators too, whose errors come while the caller iterates), so
no driver's exception reaches the layers above, whatever query meets a damaged page, a full
disk or a lost connection.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

Class = TypeVar("Class", bound=type)

# Context managers translate inside themselves: wrapping the call that makes one catches nothing.
_TRANSLATING_THEMSELVES = frozenset({"transaction", "bulk_writes", "errors_translated"})


def _wrapped(method: Callable[..., Any], caught: type[Exception]) -> Callable[..., Any]:
    if inspect.isgeneratorfunction(method):
        @functools.wraps(method)
        def streaming(self, *args: Any, **kwargs: Any) -> Any:
            try:
                yield from method(self, *args, **kwargs)
            except caught as error:
                raise self._translated(error) from None
        return streaming

    @functools.wraps(method)
    def calling(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except caught as error:
            raise self._translated(error) from None
    return calling


def translating(caught: type[Exception]) -> Callable[[Class], Class]:
    """A class decorator: every public method of the class, its own or a mixin's, turns
    ``caught`` errors (a database driver's) into ``cls._translated(error)``."""
    def translate(cls: Class) -> Class:
        methods = {}
        for klass in reversed(cls.__mro__[:-1]):  # the most derived definition wins
            methods.update((name, member) for name, member in vars(klass).items()
                           if not name.startswith("_") and name not in _TRANSLATING_THEMSELVES
                           and inspect.isfunction(member))
        for name, member in methods.items():
            setattr(cls, name, _wrapped(member, caught))
        return cls
    return translate

