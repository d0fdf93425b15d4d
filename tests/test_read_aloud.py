"""Read aloud in real Chromium, with the browser's speech synthesis replaced by a recorder: the Listen
button reads the page's first emergency card first, one sentence per utterance, in the page's language and
in a voice for it; with no voice for the language the page says so and reads nothing; nothing is asked of
another host; axe finds nothing wrong with the control, before and while it speaks."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from guide.catalogues.language_registry import load_language
from guide.core.site_config import languages
from helpers import recorded_requests

PHONE = {"width": 390, "height": 844}
AXE = Axe()

# A speechSynthesis that speaks nothing and records each utterance; its voices are the test's.
STUB = """
window.__spoken = [];
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.lang = ""; this.voice = null; } };
const synthesis = {
  speaking: false, paused: false,
  getVoices: () => VOICES,
  speak: (utterance) => window.__spoken.push({text: utterance.text, lang: utterance.lang, voice: utterance.voice && utterance.voice.name}),
  cancel: () => {}, pause: () => {}, resume: () => {},
  addEventListener: () => {}, removeEventListener: () => {},
};
Object.defineProperty(window, "speechSynthesis", {value: synthesis, configurable: true});
"""


def voices(*tags: str) -> list[dict[str, object]]:
    """A remote voice and a voice on the device for each language tag."""
    return [
        voice
        for tag in tags
        for voice in (
            {"name": f"{tag} online", "lang": tag, "localService": False},
            {"name": f"{tag} on device", "lang": tag, "localService": True},
        )
    ]


def listening_page(browser, available: list[dict[str, object]]):
    context = browser.new_context(viewport=PHONE, service_workers="block")
    context.add_init_script(STUB.replace("VOICES", json.dumps(available)))
    return context, context.new_page()


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_listen_reads_the_emergency_card_first_one_sentence_at_a_time_in_the_page_language(
    browser, site_url: str, language
) -> None:
    locale = language.locale
    context, page = listening_page(
        browser,
        voices(
            "en-GB", {"zh": "zh-CN", "en": "en-US", "tl": "fil-PH", "zh-Hant": "zh-TW"}.get(locale, locale)
        ),
    )
    with recorded_requests(page) as requests:
        page.goto(site_url + language.url_prefix + "symptoms/", wait_until="load")
        button = page.get_by_role("button", name=load_language(locale).strings["listen"])
        button.focus()
        page.keyboard.press("Enter")  # a keyboard reaches it
        spoken = page.evaluate("window.__spoken")
        card_title = page.locator(".triage-box.emergency .admonition-title").first.inner_text().strip()
        results = AXE.run(page)
    context.close()
    assert spoken, f"{locale}: nothing was read"
    assert spoken[0]["text"] == card_title, f"{locale}: the reading starts with {spoken[0]['text']!r}"
    assert {utterance["lang"] for utterance in spoken} == {locale}
    # A voice on the device for the page's language (English pages may take a British one).
    # Tagalog voices are filed as Filipino (fil-PH) on devices, Traditional Chinese ones by region (zh-TW).
    voice_language = {"tl": "fil", "zh-Hant": "zh"}.get(locale, locale)
    assert {utterance["voice"].split("-")[0].split(" ")[0] for utterance in spoken} == {voice_language}
    assert all(utterance["voice"].endswith("on device") for utterance in spoken)
    for utterance in spoken:
        text = utterance["text"]
        inner = text.rstrip(".!?。！？؟").replace("...", "")
        assert not any(mark in inner for mark in (". ", "。", "? ", "! ", "؟ ")), (
            f"{locale}: more than one sentence: {text!r}"
        )
    assert results.violations_count == 0, results.generate_report()
    outside = [url for url in requests if not url.startswith((site_url, "data:", "blob:"))]
    assert not outside, f"requests to other hosts: {outside}"


@pytest.mark.parametrize("locale", ["ar", "vi"])
def test_with_no_voice_for_the_page_language_it_says_so_and_reads_nothing(
    browser, site_url: str, locale: str
) -> None:
    prefix = next(language.url_prefix for language in languages() if language.locale == locale)
    strings = load_language(locale).strings
    context, page = listening_page(browser, voices("en-US", "fr-FR"))
    page.goto(site_url + prefix + "when-to-get-help/", wait_until="load")
    page.get_by_role("button", name=strings["listen"]).click()
    note = page.locator(".listen__none")
    assert note.is_visible()
    assert note.inner_text().strip() == strings["listen_no_voice"]
    assert page.evaluate("window.__spoken") == []
    assert AXE.run(page).violations_count == 0
    context.close()


def test_pause_resume_and_stop_change_the_button_and_the_listen_control_is_hidden_without_speech(
    browser, site_url: str
) -> None:
    strings = load_language("en").strings
    context, page = listening_page(browser, voices("en-GB"))
    page.goto(site_url, wait_until="load")
    button = page.locator(".listen__play")
    button.click()
    assert button.inner_text() == strings["listen_pause"]
    button.click()
    assert button.inner_text() == strings["listen_resume"]
    page.locator(".listen__stop").click()
    assert button.inner_text() == strings["listen"]
    assert not page.locator(".listen__stop").is_visible()
    context.close()
    bare = browser.new_context(viewport=PHONE, service_workers="block")
    bare.add_init_script("delete window.speechSynthesis; delete Window.prototype.speechSynthesis;")
    page = bare.new_page()
    page.goto(site_url, wait_until="load")
    assert not page.locator(".listen").is_visible()
    bare.close()
