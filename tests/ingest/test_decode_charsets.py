"""Legacy encodings and broken UTF-8 decode right; the encoding is recorded."""
from __future__ import annotations

import pytest

from newsprism.errors import BadInput, EmptyInput
from newsprism.ingest import read_inputs
from newsprism.ingest.decode import codec_for, decode_bytes
from newsprism.model import RawArticle

CP1252_TEXT = ("The minister said the talks were “constructive” and that the €40 million aid "
               "package — agreed last year — would be paid “as soon as possible”. It’s a naïve "
               "hope, one critic said, citing the café owners’ protests in Zürich.\n")
CHINESE_TEXT = ("中国外交部发言人星期二在北京表示，双方将继续加强沟通与合作，推动两国关系健康稳定发展。"
                "发言人还说，美国国务卿布林肯此次访华期间，双方就共同关心的国际和地区问题交换了意见。\n")
SAMPLES = [
    ("Zażółć gęślą jaźń – powiedział minister. Rozmowy były bardzo konstruktywne, dodał rzecznik.", "cp1250"),
    ("Министр иностранных дел заявил, что переговоры были конструктивными и полезными.", "cp1251"),
    ("Ο υπουργός Εξωτερικών δήλωσε ότι οι συνομιλίες ήταν εποικοδομητικές και χρήσιμες.", "cp1253"),
    ("Dışişleri Bakanı görüşmelerin yapıcı geçtiğini ve yakında devam edeceğini söyledi.", "cp1254"),
    ("東京で記者会見を行った。首相は記者団に対し、経済対策を急ぐ考えを示した。", "shift_jis"),
    ("Der Außenminister sagte, die Gespräche seien „sehr konstruktiv“ gewesen.", "cp1252"),
]


def test_decode_cp1252_file_beside_good_one(tmp_path):
    (tmp_path / "a_legacy.txt").write_bytes(CP1252_TEXT.encode("cp1252"))
    (tmp_path / "b_good.txt").write_text("Fine UTF-8 text.\n")
    legacy, good = read_inputs([tmp_path])
    assert legacy.body == CP1252_TEXT
    assert legacy.encoding == "cp1252"
    assert good.body == "Fine UTF-8 text.\n"


def test_decode_gb18030_chinese(tmp_path):
    path = tmp_path / "zh.txt"
    path.write_bytes(CHINESE_TEXT.encode("gb18030"))
    [article] = read_inputs([path])
    assert article.body == CHINESE_TEXT
    assert article.encoding == "gb18030"


def test_decode_gb2312_label_read_as_gb18030(tmp_path):
    page = f'<html><head><meta charset="gb2312"></head><body><p>{CHINESE_TEXT}</p></body></html>'
    path = tmp_path / "zh.html"
    path.write_bytes(page.encode("gb18030"))
    [article] = read_inputs([path])
    assert CHINESE_TEXT in article.body
    assert article.encoding == "gb18030"


def test_decode_mostly_utf8_with_stray_bytes(tmp_path):
    data = ("Grüße aus Genf, “Gespräche” laufen. " * 20).encode() + b"\xff\xfe broken tail\n"
    path = tmp_path / "broken.txt"
    path.write_bytes(data)
    [article] = read_inputs([path])
    assert article.encoding == "utf-8"
    assert article.body.startswith("Grüße aus Genf, “Gespräche”")
    assert "\ufffd" in article.body


def test_decode_declared_latin1_is_windows_1252():
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">' \
           "</head><body><p>“Quoted” 5€</p></body></html>"
    decoded = decode_bytes(page.encode("cp1252"), source="p.html")
    assert decoded.encoding == "cp1252" and "“Quoted” 5€" in decoded.text


def test_decode_header_charset_wins_for_legacy_bytes():
    decoded = decode_bytes("Ceci est déjà très bien.".encode("latin-1"), source="u", declared="ISO-8859-1")
    assert decoded.text == "Ceci est déjà très bien." and decoded.encoding == "cp1252"


def test_decode_valid_utf8_beats_a_wrong_label():
    text = '<meta charset="iso-8859-1"><p>Zürich – “quoted”</p>'
    assert decode_bytes(text.encode(), source="p").text == text


def test_decode_utf16_with_bom():
    decoded = decode_bytes("\ufeffWindows Notepad “Unicode” text".encode("utf-16-le"), source="n.txt")
    assert decoded.text == "Windows Notepad “Unicode” text" and decoded.encoding == "utf-16-le"


@pytest.mark.parametrize(("text", "codec"), SAMPLES)
def test_decode_legacy_codecs_round_trip(text, codec):
    assert decode_bytes(text.encode(codec), source="x").text == text


def test_decode_refusals():
    with pytest.raises(EmptyInput):
        decode_bytes(b"", source="e")
    with pytest.raises(BadInput, match="binary file, not text"):
        decode_bytes(b"%PDF-1.7\n...", source="d.txt")


def test_decode_codec_labels():
    assert codec_for("ISO-8859-1") == "cp1252"
    assert codec_for("GBK") == "gb18030"
    assert codec_for("utf8") == "utf-8"
    assert codec_for("no-such-charset") is None


def test_decode_every_result_is_an_article(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(CP1252_TEXT.encode("cp1252"))
    assert all(isinstance(result, RawArticle) for result in read_inputs([path]))
