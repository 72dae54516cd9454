"""Text made safe for the fonts: escaped, with a fallback font, and nothing lost silently."""

from seniorhalsan.reports.fonts import FALLBACK, Glyphs


def test_markup_escapes_and_keeps_line_breaks():
    assert Glyphs().markup("Kaffe & <bullar>\nNy rad") == "Kaffe &amp; &lt;bullar&gt;<br/>Ny rad"


def test_a_character_the_main_font_lacks_is_set_in_the_fallback_font():
    glyphs = Glyphs()
    assert glyphs.markup("Fika ☕ här") == f'Fika <font name="{FALLBACK}">☕</font> här'
    assert not glyphs.missing


def test_characters_no_font_has_are_reported_not_hidden():
    glyphs = Glyphs()
    # a letter becomes "?", a symbol is left out, invisible joiners vanish without a note
    assert glyphs.markup("Li 漢 🎵\u200d\ufe0f!") == "Li ? !"
    assert glyphs.missing == {"漢", "🎵"}


def test_plain_text_for_charts_leaves_out_what_it_cannot_draw():
    glyphs = Glyphs()
    assert glyphs.plain("Café ☕ Ω") == "Café  Ω"
    assert "☕" in glyphs.missing
