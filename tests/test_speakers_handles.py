"""A social-media handle names the one person or organisation of the text whose name it spells; the handle itself
is never a speaker (sentences written for these tests)."""

from __future__ import annotations

from test_speakers_coref import only, quotes_of


def test_a_handle_before_the_verb_is_the_organisation_it_spells(nlp):
    text = (
        "Members of the Marlow Heath Residents’ Association met on Monday to plan a protest.\n\n"
        "‘Day four of the closure. Still no bus and still no dates,’ @MarlowHeathRA posted on Friday morning."
    )
    q = only(quotes_of(nlp, text), "Day four")
    assert q.speaker == "Marlow Heath Residents’ Association"
    assert q.speaker_mention == "@MarlowHeathRA"


def test_a_handle_in_apposition_is_the_event_it_shortens(nlp):
    text = (
        "Kenji Arai won the Osaka Harbour Marathon in a course record on Sunday.\n\n"
        "Within minutes the race’s official account, @OSKHarbourMarathon, posted a photograph of the clock: "
        "“New course record. Thank you for the noise today!”"
    )
    q = only(quotes_of(nlp, text), "New course record")
    assert q.speaker == "Osaka Harbour Marathon"


def test_a_handle_spelling_no_name_of_the_text_gives_no_speaker(nlp):
    text = (
        "Members of the Marlow Heath Residents’ Association met on Monday to plan a protest.\n\n"
        "‘Day four of the closure. Still no bus and still no dates,’ @LocalNewsNow posted on Friday morning."
    )
    q = only(quotes_of(nlp, text), "Day four")
    assert q.speaker is None or "@" not in q.speaker
    assert q.speaker != "Marlow Heath Residents’ Association"
