"""Fixtures and PDF/barcode helpers for the label tests (poppler-utils and zbar-tools)."""

from __future__ import annotations

import shutil

import pytest
from labels_sample import sample_labels, sample_orders

TOOLS = ("pdfinfo", "pdftoppm", "pdftotext", "zbarimg")


@pytest.fixture(scope="session", autouse=True)
def _tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"label tests need {', '.join(missing)} (apt-get install poppler-utils zbar-tools)")


@pytest.fixture
def labels():
    return sample_labels()


@pytest.fixture
def orders():
    return sample_orders()


@pytest.fixture(autouse=True)
def _gui(qapp):
    """Fonts and printers need the QApplication pytest-qt provides."""
    return qapp
