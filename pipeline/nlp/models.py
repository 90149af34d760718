"""The model and dictionary packages the pipeline needs, and the error when one is missing
(nothing is downloaded at run time)."""
from __future__ import annotations

import importlib.util


class MissingModelError(RuntimeError):
    """A model or dictionary package the pipeline needs is not installed (nothing is downloaded)."""


class MissingDictionaryError(MissingModelError):
    """The Russian dictionary package for pymorphy3 is not installed."""


def check_models() -> None:
    """Raise MissingModelError if a package that ships a model or dictionary is not installed."""
    for package, purpose in (('natasha', "natasha's NER model and navec embeddings"),
                             ('navec', 'the navec embeddings'), ('slovnet', 'the slovnet NER'),
                             ('pymorphy3_dicts_ru', "pymorphy3's Russian dictionary")):
        if importlib.util.find_spec(package) is None:
            raise MissingModelError(f'{purpose} cannot be loaded: install {package.replace("_", "-")} '
                                    f'(pip install {package.replace("_", "-")}); nothing is downloaded at run time')
