/* Calling cards: one large tap-to-call number for the reader's country, and a picker for any other country
   (src/guide/cards/urgency_boxes.py writes the markup). Which country shows was decided in the page's head
   before it was drawn (overrides/partials/country.html): this script only fills in what that choice needs,
   in space already kept for it, so nothing moves. Without it every country of the page's language shows,
   as in print and in the offline zip. The choice is kept on the device, except in embedded pages. */
(function () {
  "use strict";
  const KEY = "spine-guide:country";
  const root = document.documentElement;
  const boxes = Array.from(document.querySelectorAll(".emergency-call"));
  if (!boxes.length || !root.classList.contains("guide-js")) return;
  const embedded = root.hasAttribute("data-embed");

  function store(code) {
    if (embedded) return;
    try { window.localStorage.setItem(KEY, code); } catch (error) { /* private mode: keep it for this page */ }
  }
  // As the build folds names (guide/catalogues/emergency_numbers.py folded): no accents, no case.
  function folded(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase();
  }
  // A region the data does not have still gets its own name, from the browser's own CLDR data.
  function regionName(code) {
    try { return new Intl.DisplayNames([root.lang || "en"], { type: "region" }).of(code) || code; } catch (error) { return code; }
  }

  // Show one country's number in every card; a country with no checked number (`missing`) shows none,
  // says so, and keeps the picker open.
  function show(code, missing) {
    const early = document.getElementById("country-style");  // the head script's choice, now ours
    if (early) early.remove();
    if (missing) { root.setAttribute("data-country-missing", code); root.removeAttribute("data-country"); }
    else { root.setAttribute("data-country", code); root.removeAttribute("data-country-missing"); }
    // The same-day card's urgent line (NHS 111) follows the same choice; the style below takes over from the
    // head script's, which is gone.
    for (const line of document.querySelectorAll(".urgent-call__item")) {
      line.hidden = missing || line.dataset.country !== code;
      line.style.display = line.hidden ? "none" : "block";
    }
    for (const box of boxes) {
      const items = Array.from(box.querySelectorAll(".emergency-call__item"));
      const named = items.find((item) => item.dataset.country === code);
      const chosen = missing ? null : named || items[0];
      for (const item of items) {
        item.hidden = item !== chosen;
        item.classList.toggle("emergency-call__item--chosen", item === chosen);
      }
      const name = named ? named.dataset.name : regionName(code);
      box.querySelector(".emergency-call__missing").textContent = missing ? box.dataset.missing.replace("{country}", name) : "";
      const picker = box.querySelector(".country-picker");
      const toggle = picker.querySelector(".country-picker__toggle");
      if (chosen) toggle.textContent = picker.dataset.summary.replace("{country}", chosen.dataset.name);
      setOpen(picker, missing);
    }
  }

  function setOpen(picker, open) {
    picker.querySelector(".country-picker__panel").hidden = !open;
    picker.querySelector(".country-picker__toggle").setAttribute("aria-expanded", String(open));
  }

  function buildPicker(box) {
    const picker = box.querySelector(".country-picker");
    const toggle = picker.querySelector(".country-picker__toggle");
    const panel = picker.querySelector(".country-picker__panel");
    const list = picker.querySelector(".country-picker__list");
    const search = picker.querySelector("input");
    const none = picker.querySelector(".country-picker__none");
    for (const item of box.querySelectorAll(".emergency-call__item")) {
      const entry = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.country = item.dataset.country;
      button.dataset.search = item.dataset.search || "";
      button.textContent = item.dataset.name;
      button.addEventListener("click", () => {
        const missing = item.hasAttribute("data-missing");
        show(item.dataset.country, missing);
        store(item.dataset.country);
        search.value = "";
        filter();
        if (!missing) {
          setOpen(picker, false);
          box.querySelector(".emergency-call__item--chosen a").focus();
        } else {
          box.querySelector(".emergency-call__missing").focus();
        }
      });
      entry.append(button);
      list.append(entry);
    }
    function filter() {
      const query = folded(search.value.trim());
      let shown = 0;
      for (const entry of list.children) {
        const button = entry.firstElementChild;
        const match = !query || button.dataset.search.split("|").some((name) => name.includes(query));
        entry.hidden = !match;
        shown += match;
      }
      none.hidden = shown > 0;
    }
    search.addEventListener("input", filter);
    toggle.addEventListener("click", () => {
      const open = panel.hidden;
      setOpen(picker, open);
      if (open) search.focus();
    });
  }

  boxes.forEach(buildPicker);
  boxes.forEach((box) => box.querySelector(".emergency-call__missing").setAttribute("tabindex", "-1"));
  const missing = root.getAttribute("data-country-missing");
  const chosen = root.getAttribute("data-country");
  if (missing) show(missing, true);
  else show(chosen || boxes[0].querySelector(".emergency-call__item").dataset.country, false);
})();
