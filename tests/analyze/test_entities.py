"""One name per person across transliterations, particles, titles and surname-only mentions."""

from __future__ import annotations

import pytest

from storyline.analyze import EntityIndex, Paragraph, name_tokens, names_match, same_word
from storyline.analyze._entities import spelling_key
from storyline.model import Corpus


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sergei", "Sergey"),
        ("Jassim", "Jassem"),
        ("Sheikh", "Sheik"),
        ("al-Arabi", "Elaraby"),
        ("el-Araby", "Elaraby"),
        ("al-Assad", "alAssad"),
        ("Assad", "al-Assad"),
        ("Müller", "Muller"),
    ],
)
def test_spelling_variants_match(a: str, b: str) -> None:
    assert same_word(name_tokens(a)[-1], name_tokens(b)[-1])


@pytest.mark.parametrize(
    ("a", "b"), [("Marta", "Morty"), ("Valkov", "Volkova"), ("Hamad", "Ahmed"), ("NBC 7", "NBC 4")]
)
def test_different_names_do_not_match(a: str, b: str) -> None:
    assert not names_match(name_tokens(a), name_tokens(b))


def test_titles_are_not_part_of_a_name() -> None:
    assert name_tokens("Regional governor Sergey Valkov") == ("Sergey", "Valkov")
    assert name_tokens("President Bashar alAssad") == ("Bashar", "al-Assad")
    assert names_match(name_tokens("Nabil Elaraby"), name_tokens("Nabil al-Arabi"))
    assert names_match(name_tokens("S. Lavrov"), name_tokens("Sergei Lavrov"))
    assert not names_match(name_tokens("Anna Lavrov"), name_tokens("Sergei Lavrov"))


def test_cluster_entities_are_merged(parsed: tuple[Corpus, list[Paragraph], EntityIndex]) -> None:
    _, _, index = parsed
    lavrov = index.find("Lavrov")
    assert lavrov is not None and lavrov.type == "PERSON"
    assert {"Sergei Lavrov", "Sergey Lavrov"} <= {lavrov.name, *lavrov.aliases}
    assert set(lavrov.sources) == {"wire", "daily", "post"}
    elaraby = index.find("Elaraby")
    assert elaraby is not None and elaraby is index.find("Nabil al-Arabi")
    assert elaraby.sources == ("wire", "daily")
    un = index.find("United Nations")
    assert un is not None and un is index.find("UN")


def test_name_tokens_never_empty() -> None:
    assert name_tokens("Shama 's") == ("Shama",)
    assert name_tokens("'s") == ()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sergei", "Sergey"),
        ("Khalid", "Kalid"),
        ("Mohammed", "Mohamed"),
        ("Philip", "Filip"),
        ("Elaraby", "Elarabi"),
    ],
)
def test_spelling_key_folds_transliterations(a: str, b: str) -> None:
    assert spelling_key(a) == spelling_key(b)


@pytest.mark.parametrize(
    ("a", "b"), [("Hamad", "Ahmad"), ("Karim", "Kamal"), ("Peter", "Victor"), ("Ann", "Ian")]
)
def test_spelling_key_keeps_different_names_apart(a: str, b: str) -> None:
    assert spelling_key(a) != spelling_key(b)


def test_spelling_key_drops_particles_and_accents() -> None:
    assert spelling_key("al-Arabi") == spelling_key("Arabi") == spelling_key("Arabí")
    assert spelling_key("") == ""
