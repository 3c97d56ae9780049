"""Worker processes that build rows in parallel while one process writes them.

Each worker is a fresh interpreter (spawned, never forked: the parent holds DuckDB and Dagster threads) that loads
what it needs once, through the same cached loaders the parent uses. Results come back in submission order, with
at most `lookahead` tasks in flight so memory stays flat however long the input.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any


class Pool:
    """`map` in order over N processes, or in this process when N is 1."""

    def __init__(self, workers: int, initializer: Callable[..., None] | None = None, initargs: tuple = ()):
        self.workers = max(1, workers)
        self._initializer, self._initargs = initializer, initargs
        self._executor: cf.ProcessPoolExecutor | None = None

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def _start(self) -> cf.ProcessPoolExecutor:
        if self._executor is None:
            self._executor = cf.ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=self._initializer,
                initargs=self._initargs,
            )
        return self._executor

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any], parallel: bool = True) -> Iterator[Any]:
        """fn over items, results in order; in processes only when asked and there are several workers."""
        if self.workers == 1 or not parallel:
            if self._initializer is not None:
                self._initializer(*self._initargs)
            for item in items:
                yield fn(item)
            return
        executor = self._start()
        pending: deque[cf.Future] = deque()
        lookahead = 2 * self.workers
        for item in items:
            pending.append(executor.submit(fn, item))
            if len(pending) >= lookahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
