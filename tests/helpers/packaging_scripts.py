"""Loading a script of `packaging/` by path: it is not a package (that name is PyPA's)."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from tests.conftest import REPO


def load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"selfcare_packaging_{name}",
                                                  REPO / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
