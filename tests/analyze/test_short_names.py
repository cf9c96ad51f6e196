"""Given names and their short forms ("Mike"/"Michael") name one person; names of one
length that the table links only through a third name ("Will"/"Fred") do not."""

from __future__ import annotations

from storyline.analyze._entities import is_short_form, names_match


def test_a_short_form_of_the_given_name_with_the_same_surname_is_one_person() -> None:
    assert names_match(("Mike", "Elliott"), ("Michael", "Elliott"))
    assert names_match(("Ted", "Kennedy"), ("Edward", "Kennedy"))
    assert is_short_form("Bill", "William") and is_short_form("william", "bill")


def test_short_forms_do_not_join_other_people() -> None:
    assert not names_match(("Mike", "Elliott"), ("Michael", "Elliot-Grant"))  # another surname
    assert not names_match(("Will", "Smith"), ("Fred", "Smith"))  # both short for Wilfred
    assert not names_match(("Bill", "Smith"), ("Will", "Smith"))
    assert not is_short_form("Michael", "Michael")
    # Father and son stay apart even where the given names are short forms of one another.
    assert not names_match(("George", "H.", "W.", "Bush"), ("George", "W.", "Bush"))
