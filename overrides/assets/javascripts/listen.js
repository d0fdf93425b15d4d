// Read aloud (overrides/partials/listen.html): the page's first emergency card, then the page, one sentence
// per utterance (Chrome stops long ones), each in the page's language and in a voice for that language,
// preferring a voice on the device (it works offline). Where the device has no voice for the language, the
// control says so in the page's language and reads nothing: never in another language's voice.
(function () {
  "use strict";
  var box = document.querySelector(".listen");
  var synth = window.speechSynthesis;
  if (!box || !synth || !window.SpeechSynthesisUtterance) return;
  var play = box.querySelector(".listen__play");
  var stop = box.querySelector(".listen__stop");
  var none = box.querySelector(".listen__none");
  var lang = document.documentElement.lang || "en";
  var state = "idle"; // idle, speaking or paused
  // What is read: text blocks, not the controls, citation marks, permalinks or hidden countries.
  var BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, th, td, figcaption";
  var SKIPPED = ".listen, .headerlink, sup.citation, .country-picker, .emergency-call__item[hidden], " +
    "[hidden], ol.sources, .md-source-file, .page-notice, .offline-bar, .handout-link, script, style, svg";

  // Devices file Tagalog voices as Filipino (fil-PH), as CLDR does: they read the Tagalog (tl) pages. The
  // rules of which language a tag means come from the build (guide/core/language_tags.py).
  var same = JSON.parse(box.dataset.languageTags).same;
  function base(tag) {
    var code = String(tag || "").toLowerCase().replace("_", "-").split("-")[0];
    return same[code] || code;
  }

  function voiceFor() {
    var voices = synth.getVoices().filter(function (voice) { return base(voice.lang) === base(lang); });
    return voices.filter(function (voice) { return voice.localService; })[0] || voices[0] || null;
  }

  function textOf(block) {
    var copy = block.cloneNode(true);
    copy.querySelectorAll(SKIPPED + ", " + BLOCKS).forEach(function (part) { part.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function sentences(text) {
    if (window.Intl && Intl.Segmenter) {
      return Array.from(new Intl.Segmenter(lang, { granularity: "sentence" }).segment(text), function (part) {
        return part.segment.trim();
      }).filter(Boolean);
    }
    return text.split(/(?<=[.!?。！？؟])\s*/).map(function (part) { return part.trim(); }).filter(Boolean);
  }

  function blocksOf(root, skip) {
    return Array.from(root.querySelectorAll(BLOCKS)).filter(function (block) {
      return !block.closest(SKIPPED) && !(skip && skip.contains(block));
    });
  }

  function script() {
    var article = document.querySelector(".md-content article") || document.querySelector(".md-content");
    if (!article) return [];
    var card = article.querySelector(".triage-box.emergency") || article.querySelector(".triage-box");
    var blocks = (card ? blocksOf(card) : []).concat(blocksOf(article, card));
    return blocks.reduce(function (all, block) { return all.concat(sentences(textOf(block))); }, []);
  }

  function show(next) {
    state = next;
    play.textContent = box.dataset[next === "speaking" ? "pause" : next === "paused" ? "resume" : "listen"];
    stop.hidden = next === "idle";
  }

  function start() {
    var voice = voiceFor();
    if (!voice) {
      none.hidden = false;
      return;
    }
    var parts = script();
    synth.cancel();
    parts.forEach(function (sentence, index) {
      var utterance = new SpeechSynthesisUtterance(sentence);
      utterance.lang = lang;
      utterance.voice = voice;
      if (index === parts.length - 1) utterance.onend = function () { show("idle"); };
      synth.speak(utterance);
    });
    show(parts.length ? "speaking" : "idle");
  }

  play.addEventListener("click", function () {
    if (state === "speaking") {
      synth.pause();
      show("paused");
    } else if (state === "paused") {
      synth.resume();
      show("speaking");
    } else if (synth.getVoices().length) {
      start();
    } else {
      // Some browsers load their voices after the page: wait for them a moment, then decide.
      var decided = false;
      var decide = function () { if (!decided) { decided = true; start(); } };
      if (synth.addEventListener) synth.addEventListener("voiceschanged", decide, { once: true });
      setTimeout(decide, 1000);
    }
  });
  stop.addEventListener("click", function () {
    synth.cancel();
    show("idle");
    play.focus();
  });
  window.addEventListener("pagehide", function () { synth.cancel(); });
})();
