"""Shared fixtures: the reference article and non-ASCII texts."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

# Short news-like texts with accents, « », “ ”, emoji and CJK, for offset tests.
NON_ASCII = [
    "« Nous sommes prêts », a déclaré Zoë Müller. “We are ready,” said Zoë Müller, "
    "the minister for Île-de-France.",
    "Café owners in São Paulo were cautious. “Prices will rise,” said José Núñez. "
    '"It’s hard," he added.',
    "Kyiv • UNN\n“Безпека — це головне,” said Volodymyr Zelensky 🇺🇦. “Yes,” she said.",
    '東京 — "We welcome the talks," said Yoko Tanaka, a spokeswoman.',
]


@pytest.fixture(scope="session")
def article() -> str:
    return (ROOT / "examples" / "ukraine-guarantees.txt").read_text(encoding="utf-8")
