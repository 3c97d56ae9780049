"""Progress of a long step: documents done, docs/s and ETA per stage and day.

Assets report through `tracker()`. By default that writes a log line (Dagster's logger) every few seconds; the
`dossier` command installs a live display instead when it runs the graph in its own process, attached to a
terminal.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

Display = Callable[["Tracker"], None]
_display: Display | None = None
LOG_EVERY_SECONDS = 10.0


def install(display: Display | None) -> None:
    """Show progress with this callable (called on every update) instead of periodic log lines."""
    global _display
    _display = display


@dataclass
class Tracker:
    stage: str
    day: str
    total: int
    done: int = 0
    status: str = "running"
    started: float = field(default_factory=time.monotonic)
    _logged: float = 0.0
    log: Callable[[str], None] | None = None

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        return (self.total - self.done) / self.rate if self.rate > 0 and self.total else None

    def line(self) -> str:
        eta = f", ETA {self.eta:.0f} s" if self.eta is not None and self.status == "running" else ""
        return (
            f"{self.stage} {self.day}: {self.done}/{self.total} documents, {self.rate:.1f} docs/s, "
            f"{self.elapsed:.0f} s{eta} [{self.status}]"
        )

    def advance(self, n: int) -> None:
        self.done += n
        self._show()

    def finish(self, status: str) -> None:
        self.status = status
        self._show(final=True)

    def _show(self, final: bool = False) -> None:
        if _display is not None:
            _display(self)
            return
        now = time.monotonic()
        if self.log and (final or now - self._logged >= LOG_EVERY_SECONDS):
            self._logged = now
            if final and self.total == 0:
                return
            self.log(self.line())


def tracker(stage: str, day: str, total: int, log: Callable[[str], None] | None = None) -> Tracker:
    t = Tracker(stage=stage, day=day, total=total, log=log)
    t._show()
    return t
