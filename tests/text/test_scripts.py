from storyline.text import dominant_script, script_counts


def test_dominant_script() -> None:
    assert dominant_script("Главная | Новости | Спорт") == "cyrillic"
    assert dominant_script("Αρχική | Ειδήσεις") == "greek"
    assert dominant_script("The governor, Сергей Valkov, spoke on Monday.") == "latin"
    assert dominant_script("1234 -- !!") is None


def test_script_counts() -> None:
    assert script_counts("ab вг") == {"latin": 2, "cyrillic": 2}
