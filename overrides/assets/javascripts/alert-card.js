/* The alert card's page (src/guide/handouts/card_page.py). The reader's details are kept in localStorage on
   this device only, never sent; they appear on both sides of the card. The select changes the second side
   (window.guideCardLanguage, set in the head by overrides/partials/alert-card-head.html); Print uses the
   browser's print (the card's print rules in guide.css); "Save as image" draws the card as it shows on a
   canvas and downloads it as a PNG, for a phone's lock screen. No request is made. */
(function () {
  "use strict";
  const card = document.querySelector(".alert-card");
  if (!card) return;
  const FIELDS_KEY = "spine-guide:alert-card";
  const LANGUAGE_KEY = "spine-guide:card-language";
  const inputs = document.querySelectorAll(".alert-card-form [data-field]");

  function stored() {
    try { return JSON.parse(window.localStorage.getItem(FIELDS_KEY)) || {}; } catch (error) { return {}; }
  }

  function show(values) {
    for (const input of inputs) input.value = values[input.dataset.field] || "";
    for (const value of card.querySelectorAll("[data-value]")) value.textContent = values[value.dataset.value] || "";
  }

  function save() {
    const values = {};
    for (const input of inputs) if (input.value.trim()) values[input.dataset.field] = input.value.trim();
    try { window.localStorage.setItem(FIELDS_KEY, JSON.stringify(values)); } catch (error) { /* private mode */ }
    for (const value of card.querySelectorAll("[data-value]")) value.textContent = values[value.dataset.value] || "";
  }

  show(stored());
  for (const input of inputs) input.addEventListener("input", save);

  // The printed cards (PDF): the card of the chosen pair for the reader's country, where one is printed
  // (data-cards, card_page.py); else the language's own card, which lists its countries' numbers.
  const printed = document.querySelector(".alert-card-form__printed");
  const printedLinks = printed ? [...printed.querySelectorAll("a")] : [];
  for (const link of printedLinks) link.dataset.own = link.getAttribute("href");
  function choosePrinted(language) {
    if (!printed) return;
    const country = document.documentElement.getAttribute("data-country");
    const pair = printed.dataset.cards.split(" ").includes(`${language}-${country}`) ? `-${language}-${country}` : "";
    for (const link of printedLinks) {
      link.setAttribute("href", link.dataset.own.replace(/alert-card(-phone)?\.pdf$/, `alert-card${pair}$1.pdf`));
    }
  }

  const select = document.getElementById("alert-card-language");
  if (select && window.guideCardLanguage) {
    select.value = document.documentElement.getAttribute("data-card-language") || "";
    choosePrinted(select.value);
    select.addEventListener("change", () => {
      window.guideCardLanguage(select.value);
      choosePrinted(select.value);
      try { window.localStorage.setItem(LANGUAGE_KEY, select.value); } catch (error) { /* private mode */ }
    });
  }

  // The sides as they show now: the reader's side, and the second side unless the card shows one language.
  function shownSides() {
    return [...card.querySelectorAll(".alert-card__side")].filter((side) => getComputedStyle(side).display !== "none");
  }

  function visible(element) {
    return getComputedStyle(element).display !== "none";
  }

  // A side's lines, as the image draws them: [text, kind] with kind title, heading, strong or text.
  function lines(side) {
    const found = [];
    for (const element of side.querySelectorAll(".alert-card__title, .alert-card__say, .alert-card__details > div, .alert-card__heading, .alert-card__signs li, .alert-card__clinician p, .alert-card__call")) {
      if (!visible(element) || (element.closest(".alert-card__clinician") && !visible(element.closest(".alert-card__clinician")))) continue;
      // A detail is its label and its value, as the card's CSS shows them ("My name: ...").
      const colon = side.getAttribute("lang") === "zh" ? "：" : ": ";
      const text = (element.matches(".alert-card__details > div")
        ? element.querySelector("dt").textContent + colon + element.querySelector("dd").textContent
        : element.textContent).replace(/\s+/g, " ").trim();
      if (element.matches(".alert-card__title")) found.push([text, "title"]);
      else if (element.matches(".alert-card__heading")) found.push([text, "heading"]);
      else if (element.matches(".alert-card__say, .alert-card__call, .alert-card__details > div")) found.push([text, "strong"]);
      else found.push([element.matches("li") ? "•\u00a0" + text : text, "text"]);
    }
    return found;
  }

  function wrap(context, text, width) {
    const words = text.split(/( +)/);  // not at the no-break space after a bullet
    const result = [];
    let line = "";
    for (const word of words) {
      if (context.measureText(line + word).width > width && line.trim()) {
        result.push(line.trim());
        line = word.trimStart();
      } else line += word;
    }
    // A word longer than the line (Chinese has no spaces): cut it by characters.
    for (const piece of [line.trim()]) if (piece) result.push(piece);
    return result.flatMap((part) => {
      if (context.measureText(part).width <= width) return [part];
      const cut = [];
      let chunk = "";
      for (const character of part) {
        if (context.measureText(chunk + character).width > width && chunk) { cut.push(chunk); chunk = ""; }
        chunk += character;
      }
      return chunk ? [...cut, chunk] : cut;
    });
  }

  function drawCard() {
    const width = 1080, height = 2340, margin = 60;
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext("2d");
    const font = getComputedStyle(document.body).fontFamily;
    const sides = shownSides().map((side) => ({ side, lines: lines(side) }));
    // The largest text size at which every shown side fits the screen.
    let size = 44, laid = [];
    for (; size > 12; size -= 2) {
      laid = [];
      let y = margin;
      for (const { side, lines: sideLines } of sides) {
        for (const [text, kind] of sideLines) {
          const px = kind === "title" ? size * 1.2 : size;
          context.font = `${kind === "text" ? 400 : 700} ${px}px ${font}`;
          const rows = wrap(context, text, width - 2 * margin - (kind === "title" ? 40 : 0));
          laid.push({ side, kind, px, rows, y });
          y += rows.length * px * 1.3 + (kind === "title" ? px * 0.8 : px * 0.3);
        }
        y += size;
      }
      if (y <= height - margin) break;
    }
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, width, height);
    context.textBaseline = "top";
    for (const { side, kind, px, rows, y } of laid) {
      const rtl = side.getAttribute("dir") === "rtl";
      context.direction = rtl ? "rtl" : "ltr";
      context.textAlign = "start";
      context.font = `${kind === "text" ? 400 : 700} ${px}px ${font}`;
      if (kind === "title") {
        context.fillStyle = "#b3261e";
        context.fillRect(0, y - px * 0.4, width, rows.length * px * 1.3 + px * 0.6);
      }
      context.fillStyle = kind === "title" ? "#ffffff" : kind === "text" ? "#000000" : "#b3261e";
      if (kind === "strong") context.fillStyle = "#000000";
      rows.forEach((row, index) => context.fillText(row, rtl ? width - margin : margin, y + index * px * 1.3));
    }
    return canvas;
  }

  function download(canvas) {
    canvas.toBlob((blob) => {
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "alert-card.png";
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    }, "image/png");
  }

  for (const button of document.querySelectorAll(".alert-card-form [data-action]")) {
    button.addEventListener("click", () => {
      const action = button.dataset.action;
      if (action === "print") window.print();
      else if (action === "image") download(drawCard());
      else if (action === "clear") {
        try { window.localStorage.removeItem(FIELDS_KEY); } catch (error) { /* private mode */ }
        show({});
      }
    });
  }
})();
