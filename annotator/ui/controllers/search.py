"""Search across every document of the project: on a worker thread with its own store (a
project of 10,000 articles takes a second or two to fold and search), then a chosen match is
opened and selected in the article as the find bar selects one."""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QObject, Signal

from annotator.core import arabic
from annotator.core.text_search import TextMatch, find_in_texts
from annotator.store import OpenMode, ProjectStore
from annotator.ui.article_view import ArticleView
from annotator.ui.operations import WRITE_ERRORS, Operations
from annotator.ui.workspace import Workspace

MAX_MATCHES = 1000  # listed at most; a query of one letter would otherwise list the corpus
PROGRESS_EVERY = 250  # documents between two progress reports (each may raise Cancelled)

translate = QCoreApplication.translate


class ProjectMatches(NamedTuple):
    query: str
    matches: list[TextMatch]
    titles: dict[int, str]  # of the documents with a match
    complete: bool  # False when the list stopped at MAX_MATCHES


def search_project(store: ProjectStore, query: str, progress: Callable[[int, int, str], None],
                   limit: int = MAX_MATCHES) -> ProjectMatches:
    """The first ``limit`` matches of ``query`` in the project, document by document."""
    total = store.document_count()
    titles: dict[int, str] = {}

    def texts():
        for done, (document_id, title, text) in enumerate(store.iter_document_texts()):
            if done % PROGRESS_EVERY == 0:
                progress(done, total, "")
            titles[document_id] = title
            yield document_id, text

    matches = list(islice(find_in_texts(texts(), query), limit + 1))
    found = {m.document_id for m in matches[:limit]}
    return ProjectMatches(query, matches[:limit], {i: t for i, t in titles.items() if i in found},
                          len(matches) <= limit)


class ProjectSearchController(QObject):
    searched = Signal(object)  # ProjectMatches, once a search has finished

    def __init__(self, workspace: Workspace, view: ArticleView, operations: Operations):
        super().__init__(operations)
        self.workspace, self.view, self.operations = workspace, view, operations
        self.found: ProjectMatches | None = None

    def search(self, query: str) -> None:
        if not arabic.normalise(query):
            self.found = ProjectMatches(query, [], {}, True)
            self.searched.emit(self.found)
            return
        try:
            finished, found = self.operations.run_in_background(
                translate("ProjectSearch", "Searching all documents…"), self.workspace.store.path,
                lambda store, progress: search_project(store, query, progress), mode=OpenMode.READ)
        except WRITE_ERRORS as err:
            self.operations.fail(translate("ProjectSearch", "Search failed"), str(err))
            return
        if finished:
            self.found = found
            self.searched.emit(found)

    def open_match(self, document_id: int, start: int, end: int) -> None:
        """Open the match's document (unless it is open) and select the match, exactly as
        found (inside a word too), so a label key labels it; the document's other matches
        are marked as the find bar marks them."""
        if self.workspace.document is None or self.workspace.document.id != document_id:
            self.workspace.open_document(document_id)
        here = [(m.start, m.end) for m in self.found.matches if m.document_id == document_id] if self.found else []
        self.view.set_find_matches(here)
        self.view.select_span(None, scroll=False)
        self.view.scroll_to(start, end)
        self.view.select_range(start, end)
        self.view.snap_selection(exact=True)
        self.view.setFocus()
