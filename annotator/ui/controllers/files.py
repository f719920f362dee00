"""Files: importing articles, merging annotators' projects, exporting. Each runs on a worker
thread with its own store (``Operations.run_in_background``); the window re-reads when done."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from annotator.core.errors import AnnotatorError
from annotator.store import OpenMode, open_store
from annotator.ui.operations import WRITE_ERRORS, Operations
from annotator.ui.resources import sample_article_path
from annotator.ui.workspace import Workspace

# The window's words keep the window's translation context (and its Arabic catalogue entries).
translate = QCoreApplication.translate


def file_dialog():
    """QFileDialog, made on first use: PySide builds the class when it is imported, which
    costs 2 ms of start-up for a dialog that start-up never shows."""
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog


def near_duplicates(store, source_path: Path) -> list:
    from annotator.review.near_duplicates import find_near_duplicates

    with open_store(source_path, OpenMode.READ) as source:
        return find_near_duplicates(store, source)


class FilesController(QObject):
    documentsArrived = Signal()  # documents came into a project that had none open

    def __init__(self, workspace: Workspace, operations: Operations):
        super().__init__(operations)
        self.workspace, self.operations = workspace, operations
        self.parent_widget = operations.parent_widget

    def import_sample(self) -> None:
        self.import_paths([sample_article_path()])

    def import_files(self) -> None:
        from annotator.formats.registry import IMPORTERS

        importable = " ".join(f"*{suffix}" for fmt in IMPORTERS.values() for suffix in fmt.suffixes)
        wanted = translate("MainWindow", "Articles (%1);;All files (*)").replace("%1", importable)
        paths, _ = file_dialog().getOpenFileNames(self.parent_widget, translate("MainWindow", "Import articles"), "",
                                                  wanted)
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_folder(self) -> None:
        folder = file_dialog().getExistingDirectory(self.parent_widget,
                                                    translate("MainWindow", "Import a folder of articles"))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        from annotator.formats.importer import import_paths

        annotator = self.workspace.annotator

        def work(store, progress):
            # Cancel raises inside the import's one transaction: it rolls back whole.
            return import_paths(store, paths, annotator,
                                progress=lambda done, total, path: progress(done, total, path.name))

        try:
            finished, report = self.operations.run_in_background(
                translate("MainWindow", "Importing…"), self.workspace.store.path, work)
        except WRITE_ERRORS as err:
            self.operations.fail(translate("MainWindow", "Import failed"),
                                 translate("MainWindow", "Nothing was imported.\n\n%1").replace("%1", str(err)))
            return
        if not finished:
            return
        had_document = self.workspace.document is not None
        self.workspace.documentsChanged.emit()
        self.operations.tell(
            translate("MainWindow", "Imported %1 new document(s), %2 already present.")
            .replace("%1", str(report.documents_added)).replace("%2", str(report.documents_existing)), 5000)
        if not had_document:
            self.documentsArrived.emit()

    def merge_projects(self) -> None:
        from annotator.review.merge import merge_into
        from annotator.ui.merge_dialog import NearDuplicatesQuestion

        paths, _ = file_dialog().getOpenFileNames(
            self.parent_widget, translate("MainWindow", "Merge annotators' projects"), "",
            translate("MainWindow", "Annotator projects (*.db);;All files (*)"))
        added, deletions, refused, conflicts = 0, 0, 0, []
        cancelled = False
        here = self.workspace.store.path
        for path in paths:
            if Path(path).resolve() == here.resolve():
                continue
            try:
                # Comparing every text of both projects takes a while too: on the worker.
                _, pairs = self.operations.run_in_background(
                    translate("MainWindow", "Merging…"), here,
                    lambda store, _progress, p=Path(path): near_duplicates(store, p), mode=OpenMode.READ,
                    cancellable=False)
                same = {}
                if pairs:
                    question = NearDuplicatesQuestion(Path(path).name, pairs, self.parent_widget)
                    question.exec()
                    same = question.joined()
                    question.deleteLater()
                # One transaction: Cancel, raised from the progress hook, rolls all of it back.
                finished, report = self.operations.run_in_background(
                    translate("MainWindow", "Merging…"), here,
                    lambda store, progress, p=Path(path), s=same: merge_into(
                        store, p, s, progress=lambda done, total: progress(done, total, p.name)))
                if not finished:
                    cancelled = True
                    break  # the files merged before it stay merged; this one left no trace
            except (AnnotatorError, OSError) as err:
                self.operations.fail(translate("MainWindow", "Merge failed"), str(err))
                return
            added += report.spans_added
            deletions += report.deletions_applied
            refused += report.readds_refused
            conflicts += report.problems + report.later_than_deletion
        if not paths:
            return
        self.workspace.documentsChanged.emit()
        if self.workspace.document is not None:
            self.workspace.open_document(self.workspace.document.id)
        else:
            self.documentsArrived.emit()
        if cancelled:
            return  # the status bar says the cancelled merge stored nothing
        message = (translate("MainWindow",
                             "Merged: %1 new span(s); %2 deletion(s) applied, %3 re-add(s) of deleted spans refused.")
                   .replace("%1", str(added)).replace("%2", str(deletions)).replace("%3", str(refused)))
        if conflicts:
            self.operations.fail(translate("MainWindow", "Conflicts"), message + "\n\n" + "\n".join(conflicts[:20]))
        else:
            self.operations.tell(message, 8000)

    def export(self, fmt: str) -> None:
        from annotator.formats.exporting import EXPORTERS, ExportOptions, export_to_path
        from annotator.formats.spec import EVENTS, SPANS
        from annotator.formats.tagging import AlignmentReport

        exporter = EXPORTERS[fmt]
        if exporter.suffix:
            path, _ = file_dialog().getSaveFileName(self.parent_widget, translate("MainWindow", "Export"),
                                                    f"annotations{exporter.suffix}", f"*{exporter.suffix}")
        else:
            path = file_dialog().getExistingDirectory(self.parent_widget,
                                                      translate("MainWindow", "Export into a folder"))
        if not path:
            return
        report = AlignmentReport()

        def work(store, progress):
            options = ExportOptions(progress=lambda done, total: progress(done, total, ""))
            return export_to_path(store, fmt, Path(path), options, report)

        try:
            finished, count = self.operations.run_in_background(
                translate("MainWindow", "Exporting…"), self.workspace.store.path, work, mode=OpenMode.READ)
        except (AnnotatorError, OSError) as err:
            self.operations.fail(translate("MainWindow", "Export failed"), str(err))
            return
        if not finished:
            return
        if exporter.unit == SPANS:
            message = translate("MainWindow", "Exported %1 span(s) to %2")
        elif exporter.unit == EVENTS:
            message = translate("MainWindow", "Exported %1 event(s) to %2")
        else:
            message = translate("MainWindow", "Exported %1 document(s) to %2")
        message = message.replace("%1", str(count)).replace("%2", path)
        if report.widened or report.dropped:
            message += " · " + translate("MainWindow", "%1 span(s) widened to token edges, %2 dropped").replace(
                "%1", str(len(report.widened))).replace("%2", str(len(report.dropped)))
        self.operations.tell(message, 8000)
