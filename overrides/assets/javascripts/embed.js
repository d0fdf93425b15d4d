/* Embedded pages and cards: report the page height to the host (our snippet, and WordPress's oEmbed
   iframe protocol), show the hospital's own phone numbers and display options, keep them and WordPress's
   secret on links inside the guide, and open citations in place. Uses no storage or cookies: sandboxed iframes
   forbid them; makes no network request. */
(function () {
  "use strict";
  const params = new URLSearchParams(window.location.search);
  const main = document.querySelector("main.embed");
  // Numbers are the embedding hospital's: only inside a frame. On a top-level visit, anyone could send a
  // link that shows their number under our name. A frame we may not inspect is still a frame.
  const framed = (() => { try { return window.top !== window.self; } catch (error) { return true; } })();

  // The ASCII value of any Unicode decimal digit (Arabic-Indic, Devanagari...): digits come in runs of
  // ten in Unicode, starting at zero, so the place in its run is the digit's value.
  const DIGIT = /\p{Nd}/u;
  function asciiDigit(character) {
    let code = character.codePointAt(0);
    let place = 0;
    while (DIGIT.test(String.fromCodePoint(code - 1))) { code -= 1; place += 1; }
    return String(place % 10);
  }

  // A host that forgets to encode "+" sends it as a space: "team=+44 20" arrives as " 44 20". The raw
  // address still has the "+", so look there.
  function rawStartsWithPlus(name) {
    return window.location.search.slice(1).split("&").some((pair) => pair.startsWith(name + "=+"));
  }

  // Digits (of any script), spaces, +, -, and brackets only, with at least two digits; returns the
  // number in ASCII, or null when the value cannot be a phone number.
  function phoneNumber(name) {
    const raw = params.get(name);
    if (raw === null) return { value: null, rejected: false };
    let value = raw.normalize("NFKC")  // full-width digits and "＋"
      .replace(/\p{Cf}/gu, "")  // direction marks pasted from right-to-left text
      .replace(/\p{Nd}/gu, asciiDigit)
      .trim();
    if (rawStartsWithPlus(name) && /^[0-9]/.test(value)) value = "+" + value;
    const valid = /^\+?[0-9\-() ]{2,24}$/.test(value) && /[0-9].*[0-9]/.test(value);
    return valid ? { value: value, rejected: false } : { value: null, rejected: true };
  }

  const numbers = {};
  const rejected = [];
  if (framed) {
    for (const name of ["emergency", "team"]) {
      const found = phoneNumber(name);
      numbers[name] = found.value;
      if (found.rejected) rejected.push(name);
    }
  }
  // Never drop a hospital's number silently: tell the web team (console) and the reader (a note).
  if (rejected.length) {
    rejected.forEach((name) => console.warn(
      `Spine guide: ${name}=${JSON.stringify(params.get(name))} is not a phone number and is not shown. ` +
      "Use digits, spaces, + - ( ), and write + as %2B in the address."));
    const note = document.createElement("p");
    note.className = "hospital-number-rejected";
    note.setAttribute("role", "note");
    note.textContent = main.dataset.hospitalNumberRejected.replace("{option}", rejected.map((name) => name + "=").join(", "));
    main.prepend(note);
  }

  // The numbers the card's button shows for the reader's country (chosen in the page's head).
  function shownNumbers(box) {
    const chosen = document.documentElement.dataset.country;
    const item = (chosen && box.querySelector(`.emergency-call__item[data-country="${chosen}"]`)) ||
      box.querySelector(".emergency-call__item");
    return item ? [...item.querySelectorAll("a[href^='tel:']")].map((link) => link.getAttribute("href").slice(4)) : [];
  }

  function addNumber(selector, number, label, kind) {
    if (!number) return;
    const dialled = number.replace(/[^0-9+]/g, "");
    document.querySelectorAll(selector).forEach((box) => {
      // The hospital's emergency number is the one the card already shows (emergency=999 in the UK): say
      // it once, on the big button, not twice.
      if (kind === "emergency" && shownNumbers(box).includes(dialled)) return;
      const line = document.createElement("p");
      line.className = "hospital-number hospital-number--" + kind;
      line.append(label + ": ");
      const link = document.createElement("a");
      link.href = "tel:" + dialled;
      link.textContent = number;
      link.dir = "ltr";
      line.append(link);
      // Say where the number comes from: the site showing this page, not the guide.
      const source = document.createElement("small");
      source.className = "hospital-number__source";
      source.textContent = " " + main.dataset.hospitalNumberSource;
      line.append(source);
      // Beside the card's action, which says whom to call: the number stands where the reader acts.
      const action = box.querySelector(".triage-action") || box.querySelector(".admonition-title");
      action ? action.after(line) : box.prepend(line);
    });
  }
  // The emergency number first in the cards that call it; the team's line where the card says to call the
  // team (the cord-compression card and the same-day card), just after that sentence.
  // The team's line goes in last, so that it stands first, right after the action that names it.
  addNumber("div.admonition.emergency, div.admonition.other-emergency", numbers.emergency, main.dataset.hospitalEmergencyLabel, "emergency");
  addNumber("div.admonition.emergency, div.admonition.urgent", numbers.team, main.dataset.hospitalTeamLabel, "team");

  // Display options, also only inside a frame: notice=hide leaves out the review notice (the embedding
  // hospital then answers for the clinical check), header=show adds a link back to the full guide.
  const display = {
    notice: framed && params.get("notice") === "hide" ? "hide" : null,
    header: framed && params.get("header") === "show" ? "show" : null,
  };
  if (display.notice) document.querySelectorAll("details.page-notice").forEach((notice) => notice.remove());
  const canonical = document.querySelector("link[rel=canonical]");
  if (display.header && canonical) {
    const header = document.createElement("p");
    header.className = "embed-header";
    const link = document.createElement("a");
    link.href = canonical.href;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    link.textContent = main.dataset.fullGuide;
    header.append(link);
    main.prepend(header);
  }

  // WordPress gives its frame a secret in the fragment ("#?secret=..."), and answers only messages that
  // carry it. Links inside the guide keep it in the query, with the hospital's numbers.
  const secret = new URLSearchParams(window.location.hash.slice(1).replace(/^\?/, "")).get("secret")
    || params.get("secret");
  const kept = new URLSearchParams();
  if (numbers.emergency) kept.set("emergency", numbers.emergency);
  if (numbers.team) kept.set("team", numbers.team);
  if (secret && /^[a-zA-Z0-9]+$/.test(secret)) kept.set("secret", secret);
  for (const [name, value] of Object.entries(display)) if (value) kept.set(name, value);
  document.querySelectorAll("a[href]").forEach((link) => {
    const href = link.getAttribute("href");
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("#")) return;
    if (kept.toString()) {
      const [path, hash] = href.split("#");
      link.setAttribute("href", path + "?" + kept + (hash ? "#" + hash : ""));
    }
  });

  // In WordPress's sandbox (no allow-popups) a new tab opens nothing: ask WordPress to open links to
  // the guide in the top window, as WordPress's own embeds do.
  if (secret && framed) {
    document.addEventListener("click", (event) => {
      const link = event.target.closest("a[href]");
      if (!link || !/^https?:/.test(link.href) || link.target !== "_blank") return;
      if (new URL(link.href).host !== window.location.host) return;
      event.preventDefault();
      window.parent.postMessage({ message: "link", value: link.href, secret: secret }, "*");
    });
  }

  // Citations open their source in place: the source list is far below, out of the reader's sight.
  document.querySelectorAll("sup.citation a[href^='#source-']").forEach((link, index) => {
    const source = document.getElementById(link.getAttribute("href").slice(1));
    if (!source) return;
    const panel = document.createElement("span");
    panel.className = "citation-source";
    panel.id = "citation-source-" + index;
    panel.setAttribute("role", "note");
    panel.hidden = true;
    panel.append(...Array.from(source.childNodes, (node) => node.cloneNode(true)));
    link.closest("sup").after(panel);
    link.setAttribute("role", "button");
    link.setAttribute("aria-expanded", "false");
    link.setAttribute("aria-controls", panel.id);
    const toggle = (open) => {
      panel.hidden = !open;
      link.setAttribute("aria-expanded", String(open));
    };
    link.addEventListener("click", (event) => {
      event.preventDefault();
      toggle(panel.hidden);
    });
    link.addEventListener("keydown", (event) => {
      if (event.key === " ") { event.preventDefault(); toggle(panel.hidden); }
      if (event.key === "Escape") toggle(false);
    });
  });

  // Height reporting: our host snippet listens for "spine-guide:height"; WordPress for "height".
  function report() {
    // The content's own height, not the viewport's (Material's CSS gives html a height of 100%).
    const height = Math.ceil(main.getBoundingClientRect().bottom + window.scrollY);
    window.parent.postMessage({ type: "spine-guide:height", height: height }, "*");
    if (secret) window.parent.postMessage({ message: "height", value: height, secret: secret }, "*");
  }
  new ResizeObserver(report).observe(main);
  window.addEventListener("load", report);
})();
