"""A video player's notice and its caption (BBC pages dumped as text) are captions, not body."""
from newsprism.clean.text import clean_text

PAGE = ("Media playback is unsupported on your device Media caption Robert Plant says the tracks are of the time\n\n"
        "The companion discs will feature alternative versions of songs, works in progress and live performances "
        "recorded over the years.\n\n"
        "It will give fans the first chance to eavesdrop on some of the band's key recording sessions, the label "
        "said on Monday.")


def test_player_notice_goes_to_captions_and_body_starts_at_the_prose():
    cleaned = clean_text(PAGE)
    assert cleaned.text.startswith("The companion discs")
    assert any(c.startswith("Media playback is unsupported") for c in cleaned.captions)
