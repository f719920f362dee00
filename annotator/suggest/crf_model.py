"""A linear-chain CRF (CRFsuite, through python-crfsuite) over token features: trained to
bytes that a project stores, read back from them, and asked for spans with the exact marginal
probability of each.

The model is kept as CRFsuite's own file, never a pickle: a project travels between people,
and reading it must not run code. CRFsuite gives the best tag sequence and per-token
marginals; the probability of a whole span (its tags, and the next token not continuing it)
comes from a forward-backward pass here over the model's own weights, checked against
CRFsuite's marginals and sequence probabilities in the tests."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pycrfsuite

from annotator.formats.tagging import decode

TRAINING = {
    "c1": 0.05,  # L1: most of the many word and affix features get no weight
    "c2": 0.05,
    "max_iterations": 150,
    "feature.possible_transitions": True,  # so O -> I-X is learned to be unlikely, not unknown
}


class TaggedSpan(NamedTuple):
    label: str
    first: int  # token indices, inclusive
    last: int
    score: float


def train(sequences: Iterable[tuple[Sequence[Sequence[str]], Sequence[str]]]) -> bytes:
    """A model learned from (features per token, IOB2 tag per token) sentences, as bytes."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, tags in sequences:
        trainer.append(pycrfsuite.ItemSequence(features), list(tags))
    trainer.set_params(TRAINING)
    with tempfile.TemporaryDirectory(prefix="annotator-crf-") as folder:
        path = Path(folder) / "model.crfsuite"
        trainer.train(str(path))
        return path.read_bytes()


def _logsumexp(a: np.ndarray, axis: int) -> np.ndarray:
    top = a.max(axis=axis, keepdims=True)
    return (top + np.log(np.exp(a - top).sum(axis=axis, keepdims=True))).squeeze(axis)


class CrfModel:
    """A trained model read from its bytes."""

    def __init__(self, data: bytes):
        self._data = data  # CRFsuite reads the model in place, without a copy: it must outlive the tagger
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(data)
        info = self._tagger.info()
        self.tags = sorted(info.labels, key=info.labels.get)
        index = {tag: i for i, tag in enumerate(self.tags)}
        self._index = index
        self._transitions = np.zeros((len(self.tags), len(self.tags)))
        for (before, after), weight in info.transitions.items():
            self._transitions[index[before], index[after]] = weight
        weights: dict[str, np.ndarray] = {}
        for (attribute, tag), weight in info.state_features.items():
            weights.setdefault(attribute, np.zeros(len(self.tags)))[index[tag]] = weight
        self._weights = weights

    @property
    def labels(self) -> list[str]:
        return sorted({tag[2:] for tag in self.tags if tag != "O"})

    def best_tags(self, features: Sequence[Sequence[str]]) -> list[str]:
        return self._tagger.tag(pycrfsuite.ItemSequence(features))

    def crfsuite_marginal(self, features: Sequence[Sequence[str]], tag: str, position: int) -> float:
        """CRFsuite's own marginal of one token's tag (the reference the tests compare with)."""
        self._tagger.set(pycrfsuite.ItemSequence(features))
        return self._tagger.marginal(tag, position)

    def crfsuite_probability(self, features: Sequence[Sequence[str]], tags: Sequence[str]) -> float:
        self._tagger.set(pycrfsuite.ItemSequence(features))
        return self._tagger.probability(list(tags))

    def _emissions(self, features: Sequence[Sequence[str]]) -> np.ndarray:
        zero = np.zeros(len(self.tags))
        return np.array([sum((self._weights.get(a, zero) for a in token), zero) for token in features])

    def _forward_backward(self, emissions: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
        """Log alpha (with each token's own emission), log beta (without it) and log Z."""
        n = len(emissions)
        alpha = np.empty_like(emissions)
        beta = np.zeros_like(emissions)
        alpha[0] = emissions[0]
        for t in range(1, n):
            alpha[t] = emissions[t] + _logsumexp(alpha[t - 1][:, None] + self._transitions, axis=0)
        for t in range(n - 2, -1, -1):
            beta[t] = _logsumexp(self._transitions + (emissions[t + 1] + beta[t + 1])[None, :], axis=1)
        return alpha, beta, float(_logsumexp(alpha[-1], axis=0))

    def _stretch_log_probability(self, tags: list[int], first: int, emissions: np.ndarray, alpha: np.ndarray,
                                 beta: np.ndarray, log_z: float) -> float:
        """log P(the tokens from ``first`` on carry ``tags``)."""
        score = alpha[first, tags[0]]
        for step in range(1, len(tags)):
            score += self._transitions[tags[step - 1], tags[step]] + emissions[first + step, tags[step]]
        return score + beta[first + len(tags) - 1, tags[-1]] - log_z

    def stretch_probability(self, features: Sequence[Sequence[str]], tags: Sequence[str], first: int) -> float:
        """P(the tokens from ``first`` on carry ``tags``), by the forward-backward pass here."""
        emissions = self._emissions(features)
        alpha, beta, log_z = self._forward_backward(emissions)
        return float(np.exp(self._stretch_log_probability([self._index[t] for t in tags], first, emissions, alpha,
                                                          beta, log_z)))

    def span_marginals(self, features: Sequence[Sequence[str]],
                       stretches: Sequence[tuple[str, int, int]]) -> list[float]:
        """For each (label, first, last): the probability that exactly these tokens form one
        span of the label: B-label, then I-label to ``last``, and the next token no I-label."""
        if not stretches:
            return []
        emissions = self._emissions(features)
        alpha, beta, log_z = self._forward_backward(emissions)
        out = []
        for label, first, last in stretches:
            begin, inside = self._index.get(f"B-{label}"), self._index.get(f"I-{label}")
            if begin is None or (last > first and inside is None):
                out.append(0.0)
                continue
            tags = [begin] + [inside] * (last - first)
            probability = np.exp(self._stretch_log_probability(tags, first, emissions, alpha, beta, log_z))
            if inside is not None and last + 1 < len(features):
                probability -= np.exp(self._stretch_log_probability(tags + [inside], first, emissions, alpha,
                                                                    beta, log_z))
            out.append(float(min(1.0, max(0.0, probability))))
        return out

    def spans(self, features: Sequence[Sequence[str]]) -> list[TaggedSpan]:
        """The spans of the best tag sequence, each with its exact marginal probability."""
        if not features:
            return []
        found, _ = decode(self.best_tags(features))  # an I- that starts a span is read as B-, as conlleval does
        stretches = [(s.label, s.first, s.last) for s in found]
        return [TaggedSpan(label, first, last, score)
                for (label, first, last), score in zip(stretches, self.span_marginals(features, stretches))]
