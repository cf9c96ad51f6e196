from storyline.text import dominant_script, script_counts


def test_dominant_script() -> None:
    assert dominant_script("Главная | Новости | Спорт") == "cyrillic"
    assert dominant_script("Αρχική | Ειδήσεις") == "greek"
    assert dominant_script("The governor, Сергей Valkov, spoke on Monday.") == "latin"
    assert dominant_script("1234 -- !!") is None


def test_script_counts() -> None:
    assert script_counts("ab вг") == {"latin": 2, "cyrillic": 2}


def test_ascii_text_counts_as_every_script_pattern_would() -> None:
    # The ASCII fast path gives what the twelve patterns give.
    from collections import Counter

    from storyline.text._scripts import _SCRIPTS

    for text in ("", "123 !?", "The dam held, 2 engineers said.", "a" * 50, "\t\n"):
        slow = Counter({name: len(p.findall(text)) for name, p in _SCRIPTS.items() if p.findall(text)})
        assert script_counts(text) == slow
