"""Where a project lives: a file's path, or a server's address. A server's address
(``postgresql://user[:password]@host[:port]/dbname``) is never taken for a file name, and is
shown without its password wherever it is named (messages, the window's title, settings)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from annotator.store.errors import ServerProjectsUnsupported

_ADDRESS = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
SERVER_SCHEMES = ("postgresql", "postgres")
# A server's scheme with anything after it, however mistyped (postgresql:/host, POSTGRES:host):
# never a file name, though a file system would take it for one.
_SERVER_PREFIX = re.compile(r"(?i)(postgres(?:ql)?):")
_PASSWORD = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*:/{0,2}[^/@:]*):[^@/]*@")
_EXAMPLE = "postgresql://user@host:port/dbname"


def without_password(url: str) -> str:
    """``url`` with any ``:password`` of its user taken out, for naming it."""
    return _PASSWORD.sub(r"\1@", url)


class ServerAddress:
    """A PostgreSQL server's project: the database named in the URL. ``str()`` is the URL
    without its password; ``url`` keeps it whole, for connecting only."""

    def __init__(self, url: str):
        url = url.strip()
        scheme, colon, rest = url.partition(":")
        self.url = url = scheme.lower() + colon + rest  # libpq reads only a lower-case scheme
        try:
            parts = urlsplit(url)
            self.port = parts.port
        except ValueError as err:  # a port that is not a number, an unclosed [IPv6 address]
            raise ServerProjectsUnsupported(f"{without_password(url)}: not a server's address: {err} "
                                            f"(write {_EXAMPLE})") from None
        self.user = unquote(parts.username or "")
        self.host = parts.hostname or ""
        self.dbname = unquote(parts.path.lstrip("/"))
        netloc = parts.netloc.rpartition("@")[2]
        if parts.username is not None:
            netloc = f"{parts.username}@{netloc}"
        self._shown = urlunsplit((parts.scheme, netloc, parts.path, "", ""))

    def __str__(self) -> str:
        return self._shown

    def __repr__(self) -> str:
        return f"ServerAddress({self._shown!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ServerAddress) and other._shown == self._shown

    def __hash__(self) -> int:
        return hash(self._shown)

    # As a Path's, where the window names its project ("news in postgresql://alice@host:5432").
    @property
    def name(self) -> str:
        return self.dbname

    @property
    def stem(self) -> str:
        return self.dbname

    @property
    def parent(self) -> str:
        return self._shown.rpartition("/")[0]

    def resolve(self) -> ServerAddress:
        """As ``Path.resolve``: callers compare and key projects by it."""
        return self


def is_server_address(location: object) -> bool:
    return isinstance(location, ServerAddress) or (
        isinstance(location, str) and bool(_ADDRESS.match(location.strip()) or _SERVER_PREFIX.match(location.strip())))


def project_location(location: str | os.PathLike[str] | ServerAddress) -> Path | ServerAddress:
    """``location`` as a file's Path or a server's address; another program's kind of address
    (``mysql://…``) is refused rather than made a folder of."""
    if isinstance(location, ServerAddress):
        return location
    if isinstance(location, str) and (_ADDRESS.match(location.strip()) or _SERVER_PREFIX.match(location.strip())):
        address = location.strip()
        scheme = address.split(":", 1)[0].lower()
        if scheme not in SERVER_SCHEMES:
            raise ServerProjectsUnsupported(f"{without_password(address)}: not a project file or a PostgreSQL "
                                            f"server's address ({_EXAMPLE})")
        if not _ADDRESS.match(address):  # postgresql:/host/db, postgresql:host/db
            raise ServerProjectsUnsupported(f"{without_password(address)}: not a server's address: write "
                                            f"{scheme}:// before the user and host ({_EXAMPLE})")
        return ServerAddress(address)
    return Path(location)
