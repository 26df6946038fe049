"""Finding checkers: the entry-point group ``tradecheck.checkers``, built-ins included.

Built-in checkers are registered in tradecheck's own ``pyproject.toml`` under the same group
as third-party plugins (as flake8 does); when tradecheck runs from a source tree that was
never installed, the built-ins are added directly so the service still works.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points

from .base import Checker
from .claim import Claim
from .errors import CheckerLoadError

ENTRY_POINT_GROUP = "tradecheck.checkers"


@dataclass(frozen=True)
class LoadedChecker:
    checker: Checker
    package: str  # the distribution that provides it

    @property
    def name(self) -> str:
        return self.checker.name

    @property
    def version(self) -> str:
        return self.checker.version


def _instantiate(name: str, origin: str, obj: object) -> Checker:
    if isinstance(obj, type) and issubclass(obj, Checker):
        try:
            obj = obj()
        except Exception as exc:  # a plugin's constructor may fail in any way
            raise CheckerLoadError(name, origin, f"constructor raised {type(exc).__name__}: {exc}") from exc
    if not isinstance(obj, Checker):
        raise CheckerLoadError(name, origin, "entry point is not a tradecheck Checker subclass or instance")
    if not getattr(obj, "name", None):
        raise CheckerLoadError(name, origin, "checker has no name")
    return obj


def _load_entry_point(ep: EntryPoint) -> LoadedChecker:
    dist = ep.dist.name if ep.dist is not None else "unknown"
    origin = f"{dist}: {ep.value}"
    try:
        obj = ep.load()
    except Exception as exc:  # an import error in a plugin must name the plugin
        raise CheckerLoadError(ep.name, origin, f"{type(exc).__name__}: {exc}") from exc
    return LoadedChecker(_instantiate(ep.name, origin, obj), dist)


class CheckerRegistry:
    """The loaded set of checkers, in a stable order; inspectable through ``/v1/checkers``."""

    def __init__(self, checkers: Iterable[LoadedChecker] = ()) -> None:
        self._checkers: dict[str, LoadedChecker] = {}
        for loaded in checkers:
            self.add(loaded)

    def add(self, loaded: LoadedChecker) -> None:
        if loaded.name in self._checkers:
            existing = self._checkers[loaded.name]
            if type(existing.checker) is type(loaded.checker):
                return
            raise CheckerLoadError(
                loaded.name, loaded.package, f"name already taken by a checker from {existing.package}"
            )
        self._checkers[loaded.name] = loaded

    @classmethod
    def discover(cls, *, only: Iterable[str] | None = None) -> CheckerRegistry:
        """Load every checker registered in the environment (plus the built-ins)."""
        from .builtin import BUILTIN_CHECKERS

        wanted = set(only) if only is not None else None
        registry = cls()
        for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            if wanted is None or ep.name in wanted:
                registry.add(_load_entry_point(ep))
        for checker_cls in BUILTIN_CHECKERS:
            if checker_cls.name not in registry._checkers and (wanted is None or checker_cls.name in wanted):
                registry.add(LoadedChecker(checker_cls(), "tradecheck"))
        return registry

    def __iter__(self) -> Iterator[LoadedChecker]:
        return iter(self._checkers.values())

    def __len__(self) -> int:
        return len(self._checkers)

    def __contains__(self, name: object) -> bool:
        return name in self._checkers

    def for_claim(self, claim: Claim) -> Checker | None:
        """The first checker (by name order) that accepts the claim."""
        for loaded in self._checkers.values():
            if loaded.checker.accepts(claim):
                return loaded.checker
        return None
