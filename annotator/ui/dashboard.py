"""The agreement dashboard: a pairwise heatmap of Cohen's kappa and per-label span F1 bars,
drawn with matplotlib (which shapes Arabic itself: names go in as stored, never reshaped).
Clicking a cell of the heatmap lists where that pair disagrees; a listed item opens in
the review view."""

from __future__ import annotations

from itertools import combinations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from annotator.review.agreement import agreement, labelling_annotators
from annotator.store import ProjectStore
from annotator.ui.bidi_delegate import interface_sentence
from annotator.ui.resources import resource_path


def _matplotlib():
    import matplotlib
    from matplotlib import font_manager

    for path in resource_path("fonts").glob("*.ttf"):
        font_manager.fontManager.addfont(str(path))
    matplotlib.rcParams["font.family"] = ["Amiri", "DejaVu Sans"]
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    return Figure, FigureCanvasQTAgg


def disagreements(store: ProjectStore, a: str, b: str) -> list[tuple[int, int, int, str, str, str]]:
    """(document, start, end, text, what differs, span id) for each span one of the pair has
    and the other has not. The id says which span: others (gold's, another label's) may
    share its place."""
    found = []
    for document, spans in store.iter_documents_with_spans([a, b]):
        keys = {who: {(s.start, s.end, s.label): s.id for s in spans if s.annotator == who} for who in (a, b)}
        for who, other in ((a, b), (b, a)):
            for (start, end, label), span_id in sorted(keys[who].items()):
                if (start, end, label) not in keys[other]:
                    found.append((document.id, start, end, document.text[start:end], f"{label} ({who})", span_id))
    return sorted(found)


def agreement_figures(store: ProjectStore, progress=None) -> tuple[list[str], list]:
    """The annotators who labelled (the same people as `annotator agreement`) and their measures."""
    annotators = labelling_annotators(store)
    return annotators, (agreement(store, annotators, progress=progress) if len(annotators) >= 2 else [])


class AgreementDashboard(QDialog):
    openSpan = Signal(int, str)  # document, span id

    def __init__(self, store: ProjectStore, parent: QWidget | None = None,
                 computed: tuple[list[str], list] | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Agreement"))
        self.store = store
        # ``computed``: (annotators, rows) worked out beforehand, on a worker thread.
        self.annotators, self.rows = computed if computed is not None else agreement_figures(store)
        Figure, Canvas = _matplotlib()
        self.figure = Figure(figsize=(9, 4), layout="constrained")
        self.canvas = Canvas(self.figure)
        self.canvas.mpl_connect("button_press_event", self._clicked)
        self.caption = QLabel(self.tr("Click a cell of the heatmap to list where that pair disagrees."), self)
        self.list = QListWidget(self)
        self.list.itemActivated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.canvas, 3)
        layout.addWidget(self.caption)
        layout.addWidget(self.list, 2)
        self._draw()
        self.resize(980, 720)

    def value(self, measure: str, annotators: list[str], label: str | None = None) -> float | None:
        return next((r.value for r in self.rows if r.measure == measure and r.annotators == annotators
                     and r.label == label and r.document is None), None)

    def kappa(self, a: str, b: str) -> float | None:
        if a == b:
            return 1.0
        in_order = [a, b] == sorted([a, b], key=self.annotators.index)
        return self.value("cohen_kappa", [a, b] if in_order else [b, a])

    def _draw(self) -> None:
        names = self.annotators
        heat, bars = self.figure.subplots(1, 2, width_ratios=[1, 1.3])
        matrix = [[self.kappa(a, b) if self.kappa(a, b) is not None else float("nan") for b in names] for a in names]
        image = heat.imshow(matrix, vmin=0, vmax=1, cmap="RdYlGn")
        heat.set_xticks(range(len(names)), names, rotation=30)
        heat.set_yticks(range(len(names)), names)
        for i, row in enumerate(matrix):
            for j, v in enumerate(row):
                heat.text(j, i, "" if v != v else f"{v:.2f}", ha="center", va="center", fontsize=11)
        heat.set_title(self.tr("Cohen's kappa, token labels"))
        self.figure.colorbar(image, ax=heat, shrink=0.8)
        labels = self.store.labels()
        pairs = [list(p) for p in combinations(names, 2)]
        means = []
        for label in labels:
            values = [v for p in pairs if (v := self.value("f1_exact", p, label.name)) is not None]
            means.append(sum(values) / len(values) if values else 0.0)
        bars.bar([label.caption("\n") for label in labels], means, color=[label.color for label in labels])
        bars.set_ylim(0, 1)
        bars.set_title(self.tr("Span F1 (exact) per label, mean over pairs"))
        self.canvas.draw()

    def _clicked(self, event) -> None:
        axes = self.figure.axes[0]
        if event.inaxes is not axes or event.xdata is None:
            return
        a, b = self.annotators[round(event.ydata)], self.annotators[round(event.xdata)]
        self.show_pair(a, b)

    def show_pair(self, a: str, b: str) -> None:
        self.list.clear()
        if a == b:
            return
        found = disagreements(self.store, a, b)
        self.caption.setText(interface_sentence(
            self.tr("%1 and %2 disagree on %3 span(s); double-click one to open it."), a, b, str(len(found))))
        for document, _start, _end, text, what, span_id in found:
            item = QListWidgetItem(f"{text} · {what} · #{document}")
            item.setData(Qt.ItemDataRole.UserRole, (document, span_id))
            self.list.addItem(item)

    def _open(self, item: QListWidgetItem) -> None:
        self.openSpan.emit(*item.data(Qt.ItemDataRole.UserRole))
