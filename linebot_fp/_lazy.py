"""Loading on first use: lazy re-exports (PEP 562) and model classes created on first use.

Two mechanisms, both invisible to a reader of the model modules:

* :func:`lazy_exports` lets a package name its public objects while each
  module is imported when one of its names is first used;
* :func:`install_lazy_classes` makes the model modules (one module per family,
  written as ordinary modules) create each ``@dataclass`` model class only when
  it is first used: importing the module runs its code as usual, but a model
  class statement records its body instead of building the class, and the class
  is built (``@dataclass`` applied, exactly as written) on first access to the
  module attribute, when the codec meets its ``type`` tag, or when another class
  being built needs it. Most of a model class's cost is ``@dataclass`` generating
  and compiling its methods, so a process pays only for the classes it uses.

Set ``LINEBOT_FP_EAGER_MODELS=1`` to build every class at import, as plain Python
would (the lazy path and the eager one give the same classes).
"""

from __future__ import annotations

import builtins
import importlib
import os
import sys
from _thread import RLock
from collections.abc import Callable, Iterator, Mapping
from types import CodeType, FunctionType, ModuleType
from typing import Any

__all__ = ["Pending", "install_lazy_classes", "lazy_exports", "pending_members"]


def lazy_exports(package: str, exports: Mapping[str, tuple[str, ...]]
                 ) -> tuple[list[str], Callable[[str], Any], Callable[[], list[str]]]:
    """``(__all__, __getattr__, __dir__)`` for ``package`` from ``{module: names}``."""
    where = {name: module for module, names in exports.items() for name in names}
    names = sorted(where)

    def __getattr__(name: str) -> Any:  # noqa: N807
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, package), name)
        globals_of_package = importlib.import_module(package).__dict__
        globals_of_package[name] = value  # next time, a plain attribute lookup
        return value

    def __dir__() -> list[str]:  # noqa: N807
        return names

    return names, __getattr__, __dir__


# -- model classes built on first use ----------------------------------------------------------

_real_build_class = builtins.__build_class__
_real_import = builtins.__import__
_LOCK = RLock()  # two threads never build the same class twice
_NOT_NAMES = str.maketrans(dict.fromkeys("[](),|.'\"= ", " "))  # annotation text -> names
#: module name -> {class name: Pending} of the classes not built yet
_PENDING: dict[str, dict[str, Pending]] = {}


class Pending:
    """A model class statement that has run up to, but not including, building the class."""

    __slots__ = ("_tag", "bases", "body", "cls", "keywords", "module", "name", "options")

    def __init__(self, module: str, name: str, body: CodeType, bases: tuple[Any, ...],
                 keywords: dict[str, Any]) -> None:
        self.module, self.name, self.body = module, name, body
        self.bases, self.keywords = bases, keywords
        self.options: dict[str, Any] | None = None  # the @dataclass(...) arguments, once seen
        self.cls: type | None = None
        self._tag: object = Pending

    def __repr__(self) -> str:
        return f"<class {self.module}.{self.name} not built yet>"

    def build(self) -> type:
        """The class, built now if it was not yet (bases and the names it uses first)."""
        if self.cls is not None:
            return self.cls
        with _LOCK:
            if self.cls is not None:
                return self.cls
            namespace = sys.modules[self.module].__dict__
            bases = tuple(base.build() if isinstance(base, Pending) else base
                          for base in self.bases)
            _build_names(self.module, self.body.co_names)  # what the class body reads
            cls = _real_build_class(FunctionType(self.body, namespace, self.name),
                                    self.name, *bases, **self.keywords)
            if self.options is not None:
                import dataclasses

                cls = dataclasses.dataclass(cls, **self.options)
            assert isinstance(cls, type)
            self.cls = cls
            namespace[self.name] = cls
            _PENDING[self.module].pop(self.name, None)
            # names its annotations and methods use: get_type_hints and calls find them
            annotations = vars(cls).get("__annotations__", {})
            _build_names(self.module, [name for text in annotations.values()
                                       if isinstance(text, str)
                                       for name in text.translate(_NOT_NAMES).split()])
            _build_names(self.module, _names_in_nested_code(self.body))
            return cls

    def descends_from(self, base: type) -> bool:
        """Whether the class will be a subclass of ``base`` (no class is built to tell)."""
        for parent in self.bases:
            if isinstance(parent, Pending):
                if parent.cls is base or parent.descends_from(base):
                    return True
            elif isinstance(parent, type) and issubclass(parent, base):
                return True
        return False

    @property
    def tag(self) -> str | None:
        """The class's own ``type`` tag, read by running its body once (no class built)."""
        if self._tag is Pending:
            scope: dict[str, Any] = {}
            try:
                exec(self.body, sys.modules[self.module].__dict__, scope)
            except NameError:  # the body reads a class not built yet: build it for real
                scope = dict(self.build().__dict__)
            tag = scope.get("type")
            self._tag = tag if isinstance(tag, str) else None
        return self._tag  # type: ignore[return-value]


def _names_in_nested_code(code: CodeType) -> Iterator[str]:
    for const in code.co_consts:
        if isinstance(const, CodeType):
            yield from const.co_names
            yield from _names_in_nested_code(const)


def _build_names(module: str, names: Any) -> None:
    pending = _PENDING.get(module)
    if not pending:
        return
    for name in names:
        waiting = pending.get(name)
        if waiting is not None:
            waiting.build()


def pending_members(modules: Any, base: type) -> Iterator[Pending]:
    """The classes not built yet in ``modules`` (names) that will subclass ``base``."""
    for module in modules:
        for waiting in list(_PENDING.get(module, {}).values()):
            if waiting.descends_from(base):
                yield waiting


class _DeferringDataclasses:
    """Stands for ``dataclasses`` while a model module runs: ``@dataclass`` is recorded."""

    def __init__(self, real: ModuleType) -> None:
        self._real = real

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def dataclass(self, cls: Any = None, /, **options: Any) -> Any:
        def decorate(target: Any) -> Any:
            if isinstance(target, Pending) and target.options is None:
                target.options = options
                return target
            if isinstance(target, Pending):
                target = target.build()
            return self._real.dataclass(target, **options)

        return decorate if cls is None else decorate(cls)


def _run_lazily(module: ModuleType, code: CodeType) -> None:
    """Run a model module's code, recording its model classes instead of building them."""
    import dataclasses

    from linebot_fp.models._base import Model

    namespace = module.__dict__
    name = module.__name__
    pending = _PENDING.setdefault(name, {})
    stand_in = _DeferringDataclasses(dataclasses)
    loading = True

    def build_class(body: FunctionType, class_name: str, *bases: Any, **keywords: Any) -> Any:
        if loading and getattr(body, "__globals__", None) is namespace and any(
                isinstance(base, Pending) or (isinstance(base, type) and issubclass(base, Model))
                for base in bases):
            waiting = Pending(name, class_name, body.__code__, bases, keywords)
            pending[class_name] = waiting
            return waiting
        return _real_build_class(body, class_name, *bases, **keywords)

    def import_(target: str, globals: Any = None, *args: Any, **kwargs: Any) -> Any:
        if loading and target == "dataclasses" and globals is namespace:
            return stand_in
        return _real_import(target, globals, *args, **kwargs)

    hooked = dict(builtins.__dict__, __build_class__=build_class, __import__=import_)
    namespace["__builtins__"] = hooked
    try:
        exec(code, namespace)
    finally:
        loading = False
        namespace["__builtins__"] = builtins.__dict__
        for key, value in list(namespace.items()):
            if value is stand_in:
                namespace[key] = dataclasses
            elif getattr(value, "__self__", None) is stand_in:
                namespace[key] = dataclasses.dataclass
            elif isinstance(value, Pending):
                del namespace[key]  # served by the module's __getattr__ until built
    for waiting in list(pending.values()):
        if waiting.options is None:  # a Model subclass without @dataclass: build it as written
            waiting.build()
    for value in list(namespace.values()):  # module functions find the classes they use
        if isinstance(value, FunctionType) and value.__module__ == name:
            _build_names(name, value.__code__.co_names)
            _build_names(name, _names_in_nested_code(value.__code__))

    def __getattr__(attribute: str) -> Any:  # noqa: N807
        waiting = pending.get(attribute)
        if waiting is None:
            raise AttributeError(f"module {name!r} has no attribute {attribute!r}")
        return waiting.build()

    def __dir__() -> list[str]:  # noqa: N807
        return sorted({*namespace, *pending})

    namespace["__getattr__"] = __getattr__
    namespace["__dir__"] = __dir__


class _LazyClassLoader:
    """Wraps the usual loader of a model module: same code object, run by :func:`_run_lazily`."""

    def __init__(self, loader: Any) -> None:
        self._loader = loader

    def __getattr__(self, name: str) -> Any:  # get_source, get_filename, ... as usual
        return getattr(self._loader, name)

    def create_module(self, spec: Any) -> None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        code = self._loader.get_code(module.__name__)
        if code is None:
            raise ImportError(f"cannot load {module.__name__}", name=module.__name__)
        _run_lazily(module, code)


class _LazyClassFinder:
    """Finds the modules under one package prefix and gives them the lazy loader."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        if not fullname.startswith(self.prefix) or fullname.rpartition(".")[2].startswith("_"):
            return None
        from importlib.machinery import PathFinder

        spec = PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "get_code"):
            return None
        spec.loader = _LazyClassLoader(spec.loader)  # type: ignore[assignment]
        return spec


def install_lazy_classes(package: str) -> None:
    """Give the public modules directly under ``package`` classes built on first use."""
    if os.environ.get("LINEBOT_FP_EAGER_MODELS"):
        return
    prefix = package + "."
    if not any(isinstance(finder, _LazyClassFinder) and finder.prefix == prefix
               for finder in sys.meta_path):
        sys.meta_path.insert(0, _LazyClassFinder(prefix))
