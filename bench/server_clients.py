"""Many annotators labelling one server project at once (issue 16): 20 client processes x 500
labelling actions each, every client its own annotator login (so row-level security and the
writer trigger are in the path, as in real use), all on the same shared documents.

Each action is what the window's workspace asks of the store for it (annotator/ui/workspace.py):
70 % new spans (``insert_span`` in a transaction, as a key press stores one), 20 % relabels
(``update_span`` and ``span_events`` in one transaction), 10 % deletions (``delete_span``).
Afterwards the owner reads every span back with a plain psycopg connection and compares with what
each client says it stored: a span missing, one still there after its deletion, or a label not
the last one set is a lost action (target: 0). Write latency is each action's wall time in its
client (target: p95 < 30 ms).

Baseline, in the same run: the same 20 processes, logins and action mix through a bare psycopg
connection doing only the writes each action needs (one INSERT; one UPDATE; DELETE + the deletion
record in one transaction). Processes, not threads: with threads the GIL would measure Python.

    python -m bench.server_clients [CLIENTS] [ACTIONS]
"""

from __future__ import annotations

import multiprocessing
import os
import random
import re
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

from bench.interchange import LABELS, corpus

MIX = (("create", 0.7), ("relabel", 0.2), ("delete", 0.1))
SHARED_DOCUMENTS = 50
# The target's figure has no pause: 20 processes on a few cores then measure a saturated machine.
# A fast annotator acts a few times a second; this pause shows the latency of such a team.
PACED_THINK_MS = 100
TARGET = "0 lost; p95 < 30 ms"


def login_url(admin_url: str, user: str, password: str) -> str:
    parts = urlsplit(admin_url)
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, f"{quote(user, safe='')}:{quote(password, safe='')}@{host}", parts.path,
                       parts.query, ""))


def _choose(rng: random.Random, mine: dict[str, str]) -> str:
    if not mine:
        return "create"
    roll, total = rng.random(), 0.0
    for action, share in MIX:
        total += share
        if roll < total:
            return action
    return MIX[0][0]


class OursClient:
    """The store's calls for each action, as the window's workspace makes them."""

    def __init__(self, url: str):
        from annotator.store import OpenMode, open_store

        self.store = open_store(url, OpenMode.WRITE)
        self.login = self.store.login

    def text(self, document_id: int) -> str:
        return self.store.document_text(document_id)

    def create(self, span_id: str, document_id: int, label: str, start: int, end: int, text: str) -> None:
        from annotator.core.model import Span

        with self.store.transaction():
            self.store.insert_span(Span(span_id, document_id, self.login, label, start, end, text))

    def relabel(self, span_id: str, label: str) -> None:
        with self.store.transaction():
            self.store.update_span(span_id, label=label)
            self.store.span_events(span_id)  # the events the new label may no longer fit

    def delete(self, span_id: str) -> None:
        self.store.delete_span(span_id, by=self.login)

    def close(self) -> None:
        self.store.close()


class BareClient:
    """Only the writes, on a plain autocommit psycopg connection."""

    def __init__(self, url: str):
        import psycopg

        self.conn = psycopg.connect(url, autocommit=True)
        self.login = self.conn.execute("SELECT current_user").fetchone()[0]
        self.annotator_id = self.conn.execute("SELECT id FROM annotators WHERE name = %s", [self.login]).fetchone()[0]

    def text(self, document_id: int) -> str:
        return self.conn.execute("SELECT text FROM documents WHERE id = %s", [document_id]).fetchone()[0]

    def create(self, span_id: str, document_id: int, label: str, start: int, end: int, text: str) -> None:
        from annotator.store.rows import now

        stamp = now()
        self.conn.execute(
            'INSERT INTO spans (id, document_id, annotator_id, label, start, "end", text, attrs, origin, created_at, '
            "updated_at) VALUES (%s, %s, %s, %s, %s, %s, %s, '{}', 'manual', %s, %s)",
            [span_id, document_id, self.annotator_id, label, start, end, text, stamp, stamp])

    def relabel(self, span_id: str, label: str) -> None:
        from annotator.store.rows import now

        self.conn.execute("UPDATE spans SET label = %s, updated_at = %s WHERE id = %s", [label, now(), span_id])

    def delete(self, span_id: str) -> None:
        from annotator.store.rows import now

        with self.conn.transaction():
            self.conn.execute("DELETE FROM spans WHERE id = %s", [span_id])
            self.conn.execute("INSERT INTO deleted_spans (span_id, annotator, deleted_by, deleted_at) "
                              "VALUES (%s, %s, %s, %s)", [span_id, self.login, self.login, now()])

    def close(self) -> None:
        self.conn.close()


def client(kind: str, url: str, document_ids: list[int], actions: int, seed: int, think_ms: float, start,
           results) -> None:
    """One annotator's session: connect, read the shared documents, wait for the others, label
    (``think_ms``: a mean pause between actions, none by default)."""
    from annotator.core.model import new_span_id

    rng = random.Random(seed)
    labeller = (OursClient if kind == "ours" else BareClient)(url)
    words = {}
    for doc in document_ids:
        text = labeller.text(doc)
        words[doc] = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\w+", text)]
    mine: dict[str, str] = {}  # span id -> its label, as this client stored it
    made: list[str] = []  # every span this session created (deleted ones too)
    latencies, errors = [], []
    start.wait()
    cpu = time.process_time()
    for _ in range(actions):
        if think_ms:
            time.sleep(rng.expovariate(1 / think_ms) / 1000)
        action = _choose(rng, mine)
        t0 = time.perf_counter()
        try:
            if action == "create":
                doc = rng.choice(document_ids)
                a, b, covered = rng.choice(words[doc])
                span_id, label = new_span_id(), rng.choice(LABELS)
                labeller.create(span_id, doc, label, a, b, covered)
                mine[span_id] = label
                made.append(span_id)
            elif action == "relabel":
                span_id = rng.choice(list(mine))
                label = rng.choice([x for x in LABELS if x != mine[span_id]])
                labeller.relabel(span_id, label)
                mine[span_id] = label
            else:
                span_id = rng.choice(list(mine))
                labeller.delete(span_id)
                del mine[span_id]
        except Exception as err:  # counted and reported: the figure is 0 of them
            errors.append(f"{action}: {str(err).splitlines()[0]}")
            continue
        latencies.append((time.perf_counter() - t0) * 1000)
    cpu = time.process_time() - cpu
    labeller.close()
    results.put((labeller.login, {span_id: mine.get(span_id) for span_id in made}, latencies, errors, cpu))


def session(kind: str, logins: list[str], admin_url: str, document_ids: list[int], actions: int,
            seed: int, think_ms: float = 0) -> tuple[list[float], list[str], dict[str, dict[str, str]], float, float]:
    """Every login as its own process at once; their latencies, errors, stored spans, wall time
    and the CPU seconds the clients themselves used (the rest of the two cores' time went to the
    server and the system)."""
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(len(logins) + 1)
    results = ctx.Queue()
    procs = [ctx.Process(target=client, args=(kind, url, document_ids, actions, seed * 100 + i, think_ms, start,
                                                   results))
             for i, url in enumerate(logins)]
    for p in procs:
        p.start()
    start.wait(timeout=300)
    t0 = time.perf_counter()
    gathered = [results.get(timeout=900) for _ in procs]
    wall = time.perf_counter() - t0
    for p in procs:
        p.join()
    latencies = [ms for _, _, lat, _, _ in gathered for ms in lat]
    errors = [e for _, _, _, errs, _ in gathered for e in errs]
    return latencies, errors, {login: mine for login, mine, *_ in gathered}, wall, sum(g[4] for g in gathered)


def lost_actions(owner_url: str, stored: dict[str, dict[str, str | None]]) -> int:
    """Of the spans each client created in the session (id -> its last label, None once deleted):
    those the server lacks, holds under another login or label, or still holds after deletion."""
    import psycopg

    expected = {(login, span_id): label for login, spans in stored.items() for span_id, label in spans.items()}
    with psycopg.connect(owner_url) as conn:
        found = {span_id: (name, label) for span_id, label, name in conn.execute(
            "SELECT s.id, s.label, a.name FROM spans s JOIN annotators a ON a.id = s.annotator_id "
            "WHERE s.id = ANY(%s)", [[span_id for _, span_id in expected]])}
    return sum(1 for (login, span_id), label in expected.items()
               if found.get(span_id) != (None if label is None else (login, label)))


def percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1] if len(values) > 1 else values[0]


def figures(admin_url: str, clients: int = 20, actions: int = 500, runs: int = 3,
            think_ms: float = PACED_THINK_MS) -> list[dict]:
    """``runs`` back-to-back sessions each way (the target's figure), then one paced session each
    way (``think_ms`` mean pause between a client's actions; 0: none)."""
    from annotator.formats.importer import import_paths
    from annotator.store import OpenMode, open_store
    from annotator.store.server.roles import ProjectUsers
    from bench.server import fresh_database

    prefix = f"bench_{secrets.token_hex(3)}"
    names = [f"{prefix}_{i:02d}" for i in range(clients)]
    plans = [("back to back", 0.0, runs)]
    if think_ms:
        plans.append((f"paced, {think_ms:.0f} ms mean pause", think_ms, 1))
    measured = {plan: {kind: {"latencies": [], "lost": 0, "refused": 0} for kind in ("ours", "bare")}
                for plan, _, _ in plans}
    with tempfile.TemporaryDirectory() as tmp, fresh_database(admin_url) as owner_url:
        source = Path(tmp) / "shared.jsonl"
        corpus(source, SHARED_DOCUMENTS, seed=11)
        try:
            with open_store(owner_url, OpenMode.CREATE) as store:
                import_paths(store, [source], annotator="owner")
                document_ids = store.document_ids()
                users = ProjectUsers(store)
                password = secrets.token_urlsafe(12)
                for name in names:
                    users.add(name, "annotator", password)
            logins = [login_url(owner_url, name, password) for name in names]
            for plan, pause, times in plans:
                for run in range(times):
                    for kind in ("ours", "bare") if run % 2 == 0 else ("bare", "ours"):
                        latencies, failed, stored, wall, cpu = session(kind, logins, admin_url, document_ids,
                                                                       actions, run, pause)
                        got = measured[plan][kind]
                        got["latencies"] += latencies
                        got["lost"] += lost_actions(owner_url, stored)
                        got["refused"] += len(failed)
                        print(f"  {plan}, {kind} run {run + 1}: {len(latencies)} actions in {wall:.1f} s "
                              f"({len(latencies) / wall:.0f}/s; clients' CPU {cpu:.1f} s), p50 "
                              f"{percentile(latencies, 50):.1f} ms, p95 {percentile(latencies, 95):.1f} ms, p99 "
                              f"{percentile(latencies, 99):.1f} ms, {len(failed)} refused"
                              + (f" ({failed[0]})" if failed else ""), file=sys.stderr)
        finally:
            with open_store(owner_url, OpenMode.WRITE) as store:  # logins belong to the server, not the database
                raw = store.raw_connection()
                for name in names:
                    raw.execute(f'DROP OWNED BY "{name}"')
                    raw.execute(f'DROP ROLE IF EXISTS "{name}"')
    rows = []
    for plan, _, times in plans:
        ours, bare = measured[plan]["ours"], measured[plan]["bare"]
        n = f"{clients} clients x {actions} actions, {plan}, {times} run{'s' * (times > 1)}, {os.cpu_count()} cores"
        rows += [{"figure": f"server labelling, {n}: lost actions", "value": ours["lost"], "baseline": bare["lost"],
                  "ratio": "-", "target": "0 lost",
                  "baseline_is": "bare psycopg's; each client's account read back by the owner"},
                 {"figure": f"server labelling, {n}: refused actions", "value": ours["refused"],
                  "baseline": bare["refused"], "ratio": "-", "target": "0", "baseline_is": "bare psycopg's"}]
        for p in (50, 95, 99):
            value, base = percentile(ours["latencies"], p), percentile(bare["latencies"], p)
            rows.append({"figure": f"server labelling, {n}: write latency p{p} (ms)", "value": round(value, 1),
                         "baseline": round(base, 1), "ratio": round(value / base, 2),
                         "target": "p95 < 30 ms" if p == 95 else "",
                         "baseline_is": "bare psycopg, only the writes, same processes and logins"})
    return rows


def run(clients: int = 20, actions: int = 500) -> list[dict]:
    from bench.server import server_url

    with server_url() as url:
        return [] if url is None else figures(url, clients, actions)


if __name__ == "__main__":
    for row in run(*(int(a) for a in sys.argv[1:3])):
        print(f"{row['figure']}: {row['value']} (baseline {row['baseline']}, ratio {row['ratio']}) "
              f"target {row['target']}")
