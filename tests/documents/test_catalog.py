"""The gettext catalogs (issue 22 item 5): English in the code, Dutch in the .po, every message translated.

The check extracts the messages exactly as ``pybabel extract -F babel.cfg`` does and holds
them against every language's ``.po``: a message of the code the catalog lacks, an empty or
fuzzy translation, a translation whose ``{braces}`` differ from the English, and a message
the code no longer has all fail, each named. After changing a label: ``make messages``, fill
in the Dutch, ``make install`` (docs/translating.md).
"""

from __future__ import annotations

import gettext
import io
import re
import subprocess
import sys
from datetime import date
from types import SimpleNamespace

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from convenant_calc.core.models import Term
from convenant_calc.core.readings import BY_ID, CONFLICTS, Reason
from convenant_calc.core.rules.registry import RULES
from convenant_calc.io import catalog
from convenant_calc.views.labels import KINDS, LANGS, MONTHS, TEXT, Lang

from ..conftest import ROOT

LOCALE = ROOT / "src" / "convenant_calc" / "locale"
LANGUAGES = sorted(po.parts[-3] for po in LOCALE.glob("*/LC_MESSAGES/convenant.po"))
BRACES = re.compile(r"\{(\w*)\}")

Message = tuple[str, str]  # (context, English)


def code_messages() -> list[Message]:
    """What ``pybabel extract -F babel.cfg .`` finds in the repository, in order, each once."""
    with (ROOT / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found = extract_from_dir(str(ROOT), method_map, options_map)
    return list(dict.fromkeys((context, english) for _, _, english, _, context in found))


def read_catalog(code: str) -> Catalog:
    with (LOCALE / code / "LC_MESSAGES" / "convenant.po").open("rb") as handle:
        return read_po(handle)


def problems(messages: list[Message], po: Catalog) -> list[str]:
    """Every way ``po`` falls short of the code's ``messages``, one line each."""
    found = []
    for context, english in messages:
        entry = po.get(english, context=context)
        if entry is None:
            found.append(f"{context}: missing: {english!r}")
        elif not entry.string:
            found.append(f"{context}: not translated: {english!r}")
        elif entry.fuzzy:
            found.append(f"{context}: fuzzy (check it, then remove the '#, fuzzy' line): {entry.string!r}")
        elif set(BRACES.findall(entry.string)) != set(BRACES.findall(english)):
            found.append(f"{context}: the braces differ: {english!r} / {entry.string!r}")
    wanted = set(messages)
    found += [
        f"{entry.context}: no longer in the code (make messages): {entry.id!r}"
        for entry in po
        if entry.id and (entry.context, entry.id) not in wanted
    ]
    return found


@pytest.fixture(scope="module")
def messages() -> list[Message]:
    return code_messages()


def test_the_extraction_finds_every_message_of_the_tables_and_registries(messages):
    contexts = {context for context, _ in messages}
    assert set(TEXT) | set(KINDS) | set(MONTHS) <= contexts
    assert {f"{r.id}.{field}" for r in RULES for field in ("title", "reading", "example")} <= contexts
    assert {f"{a}.{field}" for a in BY_ID for field in ("default", "alternative")} <= contexts
    assert f"{CONFLICTS[0][2].id}.text" in contexts
    assert {"rulebook.title", "reason.not-whole-years.text"} <= contexts
    assert ("case_line", "Case {case}, agreement {agreement} ({where})") in messages
    assert len(contexts) == len(messages)  # one English message per context


def test_there_is_a_dutch_catalog():
    assert "nl" in LANGUAGES


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_message_of_the_code_is_translated_in_the_catalog(code, messages):
    assert problems(messages, read_catalog(code)) == []


def test_the_check_fails_on_a_missing_an_empty_a_fuzzy_and_a_wrong_translation(messages):
    po = read_catalog("nl")
    po.delete("Case {case}, agreement {agreement} ({where})", context="case_line")
    po.get("Settlement", context="settlement").string = ""
    po.get("Balance: to pay", context="balance_pay").flags.add("fuzzy")
    po.get("Paid in advances ({n})", context="paid_line").string = "Betaalde voorschotten ({aantal})"
    po.add("Old label", "Oud label", context="old_label")
    assert problems(messages, po) == [  # in the code's order
        "case_line: missing: 'Case {case}, agreement {agreement} ({where})'",
        "settlement: not translated: 'Settlement'",
        "paid_line: the braces differ: 'Paid in advances ({n})' / 'Betaalde voorschotten ({aantal})'",
        "balance_pay: fuzzy (check it, then remove the '#, fuzzy' line): 'Saldo: uit te betalen'",
        "old_label: no longer in the code (make messages): 'Old label'",
    ]


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_installed_compiled_catalog_is_the_po(code):
    # a stale .mo (the .po changed after `make install`) would print yesterday's Dutch
    compiled = catalog.translations(code)
    stale = [
        entry.context
        for entry in read_catalog(code)
        if entry.id and compiled.pgettext(entry.context, entry.id) != entry.string
    ]
    assert stale == [], "the compiled .mo is not the .po: make install"


def test_a_catalog_never_compiled_is_an_error_not_silent_english():
    with pytest.raises(catalog.CatalogMissing, match=r"the 'xx' catalog is not compiled; run `make install`"):
        catalog.translations("xx")


def test_dutch_comes_from_the_catalog_with_the_citations_filled_in():
    nl, en = Lang("nl"), Lang("en")
    # msgstr "Inspanningsfinanciering: {pct} van het maximum ({cite_S2})"; S2 cites Art. 2
    assert nl("effort_line", pct="70 %") == "Inspanningsfinanciering: 70 % van het maximum (Art. 2, S2)"
    assert en("effort_line", pct="70 %") == "Effort funding: 70 % of the maximum (Art. 2, S2)"
    assert nl.labels()["results_title"] == "Resultaatsverbintenissen (Art. 2, S3–S4)"  # S3 and S4: both Art. 2
    assert en.labels()["max_subsidy_line"] == "Maximum subsidy (Art. 1), {fte} FTE"
    assert [nl.month(m) for m in (3, 5, 10)] == ["mrt", "mei", "okt"]


def test_no_label_keeps_a_citation_field_unfilled():
    for code in LANGS:
        left = {key: text for key, text in Lang(code).labels().items() if re.search(r"\{(cite|article)_", text)}
        assert left == {}, code


def test_a_label_merged_in_the_old_form_is_named_not_printed(monkeypatch):
    # another branch's {"en": …, "nl": …} entry that merged cleanly into TEXT
    from convenant_calc.views import labels

    monkeypatch.setitem(labels.TEXT, "new_label", {"en": "New", "nl": "Nieuw"})
    labels._words.cache_clear()
    try:
        with pytest.raises(TypeError, match=r"labels written the old way .*: new_label; write N_\(english\)"):
            Lang("en")("settlement")
    finally:
        monkeypatch.undo()
        labels._words.cache_clear()


def test_a_reason_is_translated_with_its_values():
    # a term of 1 year and 184 days is no whole number of years (rate.calendar-365 cannot apply)
    from convenant_calc.core.readings import DEFAULT
    from convenant_calc.io.loading import load_bundled

    term = Term(start=date(2023, 7, 1), end=date(2024, 12, 31))
    convenant = load_bundled("lokale-besturen-2023-2025").model_copy(update={"term": term})
    reason = BY_ID["rate.calendar-365"].not_applicable(SimpleNamespace(convenant=convenant), DEFAULT)
    assert isinstance(reason, Reason)
    assert reason.en == "the term 2023-07-01 … 2024-12-31 is not a whole number of years, so there is no yearly basis"
    assert reason.text(Lang("nl").of(reason, "text")) == (
        "de looptijd 2023-07-01 … 2024-12-31 is geen geheel aantal jaren, dus er is geen jaarbasis"
    )


def test_one_english_word_can_have_two_translations_by_context():
    po = Catalog(locale="nl")
    po.add("short", "tekort", context="col_short")
    po.add("short", "kort", context="some_other_key")
    buffer = io.BytesIO()
    write_mo(buffer, po)
    buffer.seek(0)
    compiled = gettext.GNUTranslations(buffer)
    assert compiled.pgettext("col_short", "short") == "tekort"
    assert compiled.pgettext("some_other_key", "short") == "kort"


def test_looking_up_dutch_imports_no_babel():
    # start-up time (issue 23): the settle path reads the .mo with the standard library
    code = (
        "import sys\n"
        "from convenant_calc.views.labels import Lang\n"
        "t = Lang('nl')\n"
        "print(t('case_line', case='c', agreement='a', where='w'), t.labels()['settlement'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'babel'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == "Dossier c, convenant a (w) Afrekening\n[]\n"


# --- the extraction method itself ------------------------------------------------------------


def extracted(source: str) -> list[tuple[int, str, tuple[str, str], list[str]]]:
    return list(catalog.extract(io.BytesIO(source.encode()), (), (), {}))


def test_extract_takes_a_tables_key_and_a_registry_entrys_id_and_field_as_the_context():
    source = (
        'TEXT = {\n'
        '    "col_to": N_("to"),\n'
        '    "steps_intro": N_(\n'
        '        "Each step gives its rule. "\n'
        '        "Amounts are exact."\n'
        '    ),\n'
        '}\n'
        'RULE = Rule(id="S7", article="Art. 5", title_en="Guaranteed-wage window", quote="…")\n'
        'ROW = Row(id=a.id, default_en=a.default_en)\n'  # not a literal id: not a message
    )
    assert extracted(source) == [
        (2, "pgettext", ("col_to", "to"), []),
        (3, "pgettext", ("steps_intro", "Each step gives its rule. Amounts are exact."), []),
        (8, "pgettext", ("S7.title", "Guaranteed-wage window"), []),
    ]


@pytest.mark.parametrize(
    "source, error",
    [
        ('TEXT = {"x": N_(f"Art. {n}")}', "<file>:1: a message is one plain string (no f-string)"),
        ('label = N_("free-standing")', "<file>:1: N_ marks a value of a table with a literal key"),
        ('TEXT = {KEY: N_("keyed by a name")}', "<file>:1: N_ marks a value of a table with a literal key"),
        ('Rule(id="S1", title_en=f"{x}")', "<file>:1: a message is one plain string (no f-string)"),
    ],
)
def test_extract_refuses_what_could_not_be_looked_up_as_written(source, error):
    with pytest.raises(ValueError, match=re.escape(error)):
        extracted(source)
