from __future__ import annotations

import pytest

import jrcorpus

JOINT = "2003-01-10-joint-statement"
OPENING = "2003-01-12-khabarovsk-opening-statement"


@pytest.fixture(scope="session")
def corpus() -> jrcorpus.Corpus:
    return jrcorpus.load()


@pytest.fixture(scope="session")
def joint(corpus: jrcorpus.Corpus) -> jrcorpus.Document:
    return corpus[JOINT]


@pytest.fixture(scope="session")
def opening(corpus: jrcorpus.Corpus) -> jrcorpus.Document:
    return corpus[OPENING]
