/* Emergency boxes: one large tap-to-call number for the reader's country, and a picker for any other
   country of the catalogue (hooks/guidelib/urgency_boxes.py writes the markup). Without this script every
   country of the page's language shows, as in print and in the offline zip (where it does not run).
   The choice is kept on the device, except in embedded pages, which may not use storage. */
(function () {
  "use strict";
  const KEY = "spine-guide:country";
  const boxes = Array.from(document.querySelectorAll(".emergency-call"));
  // The offline zip, read from disk, keeps every country of its language in view, as on paper: a copy
  // passed on to someone else should not carry the first reader's country.
  if (!boxes.length || window.location.protocol === "file:") return;
  const embedded = document.documentElement.hasAttribute("data-embed");

  function stored() {
    if (embedded) return null;
    try { return window.localStorage.getItem(KEY); } catch (error) { return null; }
  }
  function store(code) {
    if (embedded) return;
    try { window.localStorage.setItem(KEY, code); } catch (error) { /* private mode: keep it for this page */ }
  }
  const available = new Set(Array.from(boxes[0].querySelectorAll("[data-country]"), (item) => item.dataset.country));

  // es-MX -> MX: the region of the first browser language that names a country we have.
  function fromBrowser() {
    for (const tag of navigator.languages || [navigator.language || ""]) {
      const region = tag.split(/[-_]/).slice(1).find((part) => /^[A-Za-z]{2}$/.test(part));
      if (region && available.has(region.toUpperCase())) return region.toUpperCase();
    }
    return null;
  }

  // A country that is not one of the page language's countries has only data; build its link once.
  function ensureLink(box, item) {
    if (item.querySelector("a")) return;
    const [first, ...others] = item.dataset.numbers.split("|").map((entry) => entry.split("~"));
    const link = document.createElement("a");
    link.className = "emergency-call__link";
    link.href = "tel:" + first[0];
    const label = document.createElement("span");
    label.className = "emergency-call__label";
    label.textContent = box.dataset.label.replace("{country}", item.dataset.name);
    const number = document.createElement("span");
    number.className = "emergency-call__number";
    number.dir = "ltr";
    number.textContent = first[0];
    link.append(label, " ", number, first[1] ? " (" + first[1] + ")" : "");
    item.append(link);
    for (const [digits, service] of others) {
      const other = document.createElement("a");
      other.className = "emergency-call__other";
      other.href = "tel:" + digits;
      other.dir = "ltr";
      other.textContent = digits;
      item.append(" ", other, service ? " (" + service + ")" : "");
    }
  }

  function choose(code) {
    for (const box of boxes) {
      const items = Array.from(box.querySelectorAll(".emergency-call__item"));
      const chosen = items.find((item) => item.dataset.country === code) || items[0];
      ensureLink(box, chosen);
      for (const item of items) {
        item.hidden = item !== chosen;
        item.classList.toggle("emergency-call__item--chosen", item === chosen);
      }
      box.classList.add("emergency-call--chosen");
      const picker = box.querySelector(".country-picker");
      picker.querySelector("summary").textContent = picker.dataset.summary.replace("{country}", chosen.dataset.name);
    }
  }

  function buildPicker(box) {
    const picker = box.querySelector(".country-picker");
    const list = picker.querySelector(".country-picker__list");
    const search = picker.querySelector("input");
    const none = picker.querySelector(".country-picker__none");
    for (const item of box.querySelectorAll(".emergency-call__item")) {
      const entry = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.country = item.dataset.country;
      button.textContent = item.dataset.name;
      button.addEventListener("click", () => {
        choose(item.dataset.country);
        store(item.dataset.country);
        picker.open = false;
        search.value = "";
        filter();
        box.querySelector(".emergency-call__item--chosen a").focus();
      });
      entry.append(button);
      list.append(entry);
    }
    function filter() {
      const query = search.value.trim().toLocaleLowerCase();
      let shown = 0;
      for (const entry of list.children) {
        const button = entry.firstElementChild;
        const match = !query || button.textContent.toLocaleLowerCase().includes(query) || button.dataset.country.toLowerCase() === query;
        entry.hidden = !match;
        shown += match;
      }
      none.hidden = shown > 0;
    }
    search.addEventListener("input", filter);
    picker.addEventListener("toggle", () => { if (picker.open) search.focus(); });
    picker.hidden = false;
  }

  boxes.forEach(buildPicker);
  const saved = stored();
  choose(available.has(saved) ? saved : fromBrowser() || boxes[0].querySelector(".emergency-call__item").dataset.country);
})();
