"""How hard the generated-input tests try: a fifth of their examples in the default run (`make test`),
all of them in the thorough one (`make test-slow`, which CI runs too: PIPELINE_TESTS=thorough)."""
import os

THOROUGH = os.environ.get('PIPELINE_TESTS') == 'thorough'


def examples(count: int) -> int:
    """The number of hypothesis examples for a test that asks for `count` in the thorough run."""
    return count if THOROUGH else max(count // 5, 20)
