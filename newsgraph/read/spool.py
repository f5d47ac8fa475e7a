"""A spool: raw inputs parked in a temporary file between reading and cleaning.

Cleaning needs line counts over every input before it cleans the first one, so a
build reads everything first. Keeping what it read on disk rather than in a list
keeps memory flat however many articles a build reads.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from types import TracebackType

from newsgraph.read.raw import RawInput


class Spool:
    """Append raw inputs, then read them back in the same order (only this process reads what it wrote)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="newsgraph-spool-")  # noqa: SIM115 - closed by close()
        self.count = 0

    def append(self, raw: RawInput) -> None:
        pickle.dump(raw, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[RawInput]:
        self._file.flush()
        self._file.seek(0)
        for _ in range(self.count):
            yield pickle.load(self._file)
        self._file.seek(0, 2)  # further appends go to the end

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
