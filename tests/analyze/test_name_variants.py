"""One name per person across spellings, titles and tagger slips (issue 10, item 4).

Every text here is invented. Where a rule is about what the tagger got wrong, the test sets
the tagged spans itself (`_index`'s `spans`), so it tests the rule and not the model of the day.
"""

from __future__ import annotations

from test_name_merges import _entity_of, _index, _together

from storyline.analyze import names_match, same_word
from storyline.analyze._entities import _acronym_of, _edit_keys, _one_edit_apart


def test_short_words_match_only_when_spelled_alike() -> None:
    # Too few letters to tell a spelling from another surname.
    assert not same_word("Zhou", "Zhu")
    assert not same_word("Chen", "Chan")
    assert same_word("Aly", "Ali")
    assert same_word("Sergei", "Sergey")
    # One short spelling against a longer one is read as before.
    assert same_word("Sisi", "Sissi")
    assert same_word("Musa", "Moussa")


def test_a_hyphen_between_given_names_counts_as_a_space() -> None:
    assert names_match(("Abdel", "Fattah", "al-Sisi"), ("Abdel-Fattah", "el-Sissi"))
    assert not names_match(("Jean-Marc", "Ayrolt"), ("Jean-Pierre", "Ayrolt"))


def test_a_first_initial_before_a_given_name_in_full() -> None:
    assert names_match(("J.", "Randolph", "Evans"), ("Randolph", "Evans"))
    assert names_match(("J.", "Randolph", "Evans"), ("Randy", "Evans"))
    assert not names_match(("J.", "Randolph", "Evans"), ("Karen", "Evans"))
    assert not names_match(("J.", "R.", "Evans"), ("R.", "Evans"))  # initials only: not enough
    assert not names_match(("George", "W.", "Bush"), ("W.", "Bush"))


def test_initials_with_or_without_dots() -> None:
    assert names_match(("H.R.", "McMaster"), ("HR", "McMaster"))
    assert names_match(("HR", "McMaster"), ("Herbert", "Raymond", "McMaster"))
    assert not names_match(("HR", "McMaster"), ("Karl", "McMaster"))
    # A given name in capitals is no initials: "KIM Jong Un" is "Kim Jong Un".
    assert names_match(("KIM", "Jong", "Un"), ("Kim", "Jong", "Un"))
    assert names_match(("LEE", "Chong", "Wei"), ("Lee", "Chong", "Wei"))


def test_a_family_name_written_first_takes_mr_and_stands_alone() -> None:
    index = _index(
        [
            "Vice President Xi Xanping met Jiannan Zhu in Beijing. Mr. Xi spoke first.",
            "Zhou Yongkeng was absent. Mr. Zhou sent a note. Xi smiled.",
        ],
        {
            0: [("Xi Xanping", "PERSON"), ("Jiannan Zhu", "PERSON"), ("Xi", "PERSON")],
            1: [("Zhou Yongkeng", "PERSON"), ("Zhou", "PERSON"), ("Xi", "PERSON")],
        },
    )
    assert _together(index, "Mr. Xi", "Xi Xanping")
    assert _entity_of(index, 1, "Xi") == "Xi Xanping"
    assert _together(index, "Mr. Zhou", "Zhou Yongkeng")
    assert not _together(index, "Mr. Zhou", "Jiannan Zhu")


def test_a_surname_still_wins_over_a_family_name_first() -> None:
    # "Mr. Roux" is Ana Roux's surname; "Roux Bellamy" begins with the same word.
    index = _index(
        ["Ana Roux met Roux Bellamy. Mr. Roux left."],
        {0: [("Ana Roux", "PERSON"), ("Roux Bellamy", "PERSON"), ("Roux", "PERSON")]},
    )
    assert _together(index, "Mr. Roux", "Ana Roux")
    assert not _together(index, "Mr. Roux", "Roux Bellamy")


def test_a_title_before_a_name_tagged_as_a_body_makes_it_a_person() -> None:
    index = _index(
        [
            "Bishop Lorens C. Valdemarr wrote to the parish.",
            "A statement came from Bishop Lorens Valdemarr. Valdemarr said he was sad.",
        ],
        {0: [("Lorens C. Valdemarr", "PERSON")], 1: [("Bishop Lorens Valdemarr", "ORG")]},
    )
    assert _together(index, "Bishop Lorens C. Valdemarr", "Bishop Lorens Valdemarr")
    # The name without its title is a form of it too, and the lone surname is found.
    assert _together(index, "Lorens Valdemarr", "Valdemarr")
    assert {e.name: e.type for e in index.entities}["Lorens C. Valdemarr"] == "PERSON"


def test_a_building_named_with_a_title_stays_a_body() -> None:
    index = _index(
        ["Staff at the Judge Rotenby Center spoke. Rotenby Holt said so."],
        {0: [("Judge Rotenby Center", "ORG"), ("Rotenby Holt", "PERSON")]},
    )
    assert {e.name: e.type for e in index.entities}["Judge Rotenby Center"] == "ORG"


def test_a_tagged_pair_of_people_is_split_at_and_but_not_a_firm() -> None:
    index = _index(
        [
            "The list is led by Tina Fay and Eva Longorio. Fay earned more. Longorio was second.",
            "Johnson and Johnson made the mesh. Johnson and Johnson said nothing.",
        ],
        {
            0: [("Tina Fay and Eva Longorio", "ORG"), ("Fay", "PERSON"), ("Longorio", "PERSON")],
            1: [("Johnson and Johnson", "ORG")],
        },
    )
    assert _together(index, "Tina Fay", "Fay")
    assert _together(index, "Eva Longorio", "Longorio")
    assert not _together(index, "Tina Fay", "Eva Longorio")
    assert _entity_of(index, 1, "Johnson and Johnson") is not None  # one body, not two people


def test_a_name_beside_a_body_in_a_tagged_list_is_a_person() -> None:
    index = _index(
        ["The head of the Portfolio Committee, Siph Masango, spoke. Masango said it was wrong."],
        {0: [("Portfolio Committee, Siph Masango", "ORG"), ("Masango", "GPE")]},
    )
    assert _together(index, "Siph Masango", "Masango")
    assert {e.name: e.type for e in index.entities}["Siph Masango"] == "PERSON"


def test_hyphenated_and_possessive_surnames_the_tagger_missed_are_found() -> None:
    index = _index(
        [
            "Kaajal Ramjath-Keogh runs the centre. Later Ramjath-Keogh said it would appeal.",
            "Ed Charamot sent the mailer. Charamot’s Jewish treasurer apologised. Later Charamot said sorry.",
        ],
        {
            0: [("Kaajal Ramjath-Keogh", "PERSON")],
            1: [("Ed Charamot", "PERSON"), ("Charamot’s Jewish", "ORG")],
        },
    )
    assert _together(index, "Kaajal Ramjath-Keogh", "Ramjath-Keogh")
    assert _together(index, "Ed Charamot", "Charamot")


def test_a_found_surname_keeps_its_title_as_written() -> None:
    index = _index(
        ["Rev. Christoph Kingsley was arrested. The bishop spoke of Father Kingsley. Kingsley left."],
        {0: [("Christoph Kingsley", "PERSON")]},
    )
    assert _together(index, "Father Kingsley", "Christoph Kingsley")


def test_split_abbreviations_are_read_as_one_title() -> None:
    # The tagger cuts "Lt." into "Lt" and "."; the titles before the name are still kept.
    index = _index(
        ["Lt. Col. Petra Lerno said the army would stay. Brig. Gen. Yoav Mordechi agreed."],
        {0: [("Petra Lerno", "PERSON"), ("Yoav Mordechi", "PERSON")]},
    )
    lerno = {e.name: e for e in index.entities}["Petra Lerno"]
    assert "Lt. Col. Petra Lerno" in lerno.aliases
    mordechi = {e.name: e for e in index.entities}["Yoav Mordechi"]
    assert "Brig. Gen. Yoav Mordechi" in mordechi.aliases


def test_a_long_lone_surname_one_letter_off_joins_its_full_name() -> None:
    assert _one_edit_apart("Murdjatmodjo", "Murjatmodjo", min_len=9)
    assert _edit_keys("Murdjatmodjo") & _edit_keys("Murjatmodjo")
    index = _index(
        [
            "Djoko Murdjatmodjo spoke on Monday.",
            "Murjatmodjo said he would stay. Johnston met Boris Johnson.",
        ],
        {0: [("Djoko Murdjatmodjo", "PERSON")], 1: [("Murjatmodjo", "PERSON"), ("Johnston", "PERSON")]},
    )
    assert _together(index, "Djoko Murdjatmodjo", "Murjatmodjo")
    # Short surnames one letter apart are other families.
    assert not _together(index, "Johnston", "Boris Johnson")


def test_acronyms_with_dotted_abbreviations_and_ampersands() -> None:
    assert _acronym_of(("USGS",), ("U.S.", "Geological", "Survey"))
    assert _acronym_of(("J&J",), ("Johnson", "&", "Johnson"))
    assert not _acronym_of(("&",), ("Acme", "Inc"))
    index = _index(
        [
            "The U.S. Geological Survey measured it. Johnson & Johnson made it.",
            "The USGS agreed. J&J did not.",
        ],
        {
            0: [("U.S. Geological Survey", "ORG"), ("Johnson & Johnson", "ORG")],
            1: [("USGS", "ORG"), ("J&J", "ORG")],
        },
    )
    assert _together(index, "U.S. Geological Survey", "USGS")
    assert _together(index, "Johnson & Johnson", "J&J")


def test_a_known_given_name_tagged_as_a_body_joins_its_person() -> None:
    index = _index(
        ["Ella Ruhl sued the maker. Ella said she was in pain. Apple Ruhl did not."],
        {0: [("Ella Ruhl", "PERSON"), ("Ella", "ORG"), ("Apple Ruhl", "PERSON")]},
    )
    assert _entity_of(index, 0, "Ella") == "Ella Ruhl"


def test_a_person_stays_a_person_when_one_word_of_the_name_is_tagged_a_body_often() -> None:
    text = "Ella Ruhl sued the maker. " + "Ella said it hurt. " * 5 + "Ella Ruhl, 51, won."
    spans = [("Ella Ruhl", "PERSON")] + [("Ella", "ORG")] * 5 + [("Ella Ruhl", "ORG")]
    index = _index([text], {0: spans})
    (entity,) = [e for e in index.entities if e.name == "Ella Ruhl"]
    assert entity.type == "PERSON"
    # A body named in full stays one, whatever one word of it is tagged.
    index = _index(
        ["Harlow Mills cut jobs. Harlow said sales fell. Harlow Mills, a mill, closed."],
        {0: [("Harlow Mills", "ORG"), ("Harlow", "PERSON"), ("Harlow Mills", "ORG")]},
    )
    assert [e.type for e in index.entities if e.name == "Harlow Mills"] == ["ORG"]


def test_two_surnames_joined_by_a_hyphen_name_two_people() -> None:
    index = _index(
        [
            "Jake Tappen asked Donald Trimp about it. The Tappen-Trimp exchange went viral.",
            "Kaajal Ramjath-Keogh runs the centre.",
        ],
        {0: [("Jake Tappen", "PERSON"), ("Donald Trimp", "PERSON"), ("Tappen-Trimp", "ORG")]},
    )
    assert _together(index, "Jake Tappen", "Tappen")
    assert _together(index, "Donald Trimp", "Trimp")
    assert not _together(index, "Jake Tappen", "Donald Trimp")


def test_a_family_name_first_needs_a_name_shaped_so() -> None:
    # "Mr. Obana" is no part of "Obana White House", and "Mr. Lee" is not "Lee Smith",
    # whose surname stands alone.
    index = _index(
        ["The Obana White House waited. Mr. Obana spoke. Lee Smith and Mr. Lee left. Smith waved."],
        {
            0: [
                ("Obana White House", "PERSON"),
                ("Obana", "PERSON"),
                ("Lee Smith", "PERSON"),
                ("Lee", "PERSON"),
                ("Smith", "PERSON"),
            ]
        },
    )
    assert not _together(index, "Mr. Obana", "Obana White House")
    assert not _together(index, "Mr. Lee", "Lee Smith")


def test_initials_inside_a_body_name_stand_for_its_words() -> None:
    index = _index(
        [
            "The United Nations Security Council met. The New York Police Department spoke.",
            "The U.N. Security Council agreed. The New Jersey Police Department did not.",
        ],
        {
            0: [("United Nations Security Council", "ORG"), ("New York Police Department", "ORG")],
            1: [("U.N. Security Council", "ORG"), ("New Jersey Police Department", "ORG")],
        },
    )
    assert _together(index, "United Nations Security Council", "U.N. Security Council")
    assert not _together(index, "New York Police Department", "New Jersey Police Department")


def test_the_surname_of_a_name_with_jr_is_the_word_before_it() -> None:
    index = _index(
        ["Sammy Daviss Jr. sang. Daviss smiled.", "Hal Porter and his son Hal Porter Jr. came."],
        {
            0: [("Sammy Daviss Jr.", "PERSON"), ("Daviss", "PERSON")],
            1: [("Hal Porter", "PERSON"), ("Hal Porter Jr.", "PERSON")],
        },
    )
    assert _together(index, "Sammy Daviss Jr.", "Daviss")
    assert not _together(index, "Hal Porter", "Hal Porter Jr.")  # father and son


def test_mr_before_a_family_name_finds_a_name_tagged_as_a_body() -> None:
    index = _index(
        ["The Lin Biao affair shook the party. Mr. Lin died in a crash."],
        {0: [("Lin Biao", "ORG"), ("Lin", "PERSON")]},
    )
    assert _together(index, "Lin Biao", "Mr. Lin")


def test_the_titles_just_before_a_name_are_a_written_form_of_their_own() -> None:
    index = _index(
        ["Former Maryland Gov. Dana Pellwort was convicted. Chinese Vice President Xi Xanping came."],
        {0: [("Dana Pellwort", "PERSON"), ("Xi Xanping", "PERSON")]},
    )
    names = {e.name: set(e.aliases) for e in index.entities}
    assert {"Former Maryland Gov. Dana Pellwort", "Gov. Dana Pellwort"} <= names["Dana Pellwort"]
    assert {"Chinese Vice President Xi Xanping", "Vice President Xi Xanping"} <= names["Xi Xanping"]


def test_an_office_before_a_family_name_counts_as_mr_but_a_king_does_not() -> None:
    index = _index(
        [
            "The envoy Kang Tae Yon met Khan. Khan paid Gen. Kang in cash.",
            "Abdallah Gulen met the monarch. King Abdallah said little.",
        ],
        {
            0: [("Kang Tae Yon", "PERSON"), ("Khan", "PERSON"), ("Khan", "PERSON"), ("Kang", "PERSON")],
            1: [("Abdallah Gulen", "PERSON"), ("Abdallah", "PERSON")],
        },
    )
    assert _together(index, "Gen. Kang", "Kang Tae Yon")
    assert not _together(index, "King Abdallah", "Abdallah Gulen")


def test_a_headline_verb_before_a_name_is_not_part_of_it() -> None:
    index = _index(
        ["Mitt Romnel spoke. Attacking Romnel won't help, he said."],
        {0: [("Mitt Romnel", "PERSON"), ("Attacking Romnel", "PERSON")]},
    )
    assert _entity_of(index, 0, "Romnel") == "Mitt Romnel"
