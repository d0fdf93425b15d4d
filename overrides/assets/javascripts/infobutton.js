// The infobutton page (/infobutton/, src/guide/infobutton/steps.py): a patient record opens it with a code
// and a language in MedlinePlus Connect's request shape, and the reader goes on to the guide's page for that
// code in that language. The page lists every link it can go to; this script only chooses one, by comparing
// the request's values with each link's data attributes. No value from the address is written anywhere: an
// unknown code goes to the language's home, an unknown language to English, anything else matches no link.
(function () {
  "use strict";
  var MAX = 64; // longer values are no codes, whatever they hold

  var query = new URLSearchParams(window.location.search);
  var asked = ["mainSearchCriteria.v.cs", "mainSearchCriteria.v.c", "informationRecipient.languageCode.c"];
  if (!asked.some(function (name) { return query.has(name); })) return; // opened by hand: show the list

  function value(name) {
    var found = query.get(name) || "";
    return found.length > MAX ? "" : found.trim();
  }
  // As guide/infobutton/codes.py: an OID with or without 'urn:oid:', a code without its dot in any case,
  // a language by its first part ('es-MX' is 'es').
  var system = value("mainSearchCriteria.v.cs").replace(/^urn:oid:/, "");
  var code = value("mainSearchCriteria.v.c").toUpperCase().replace(/\./g, "");
  var language = value("informationRecipient.languageCode.c").toLowerCase().split(/[-_]/)[0];
  if (language === "fil") language = "tl"; // Filipino, as CLDR files Tagalog: the guide's Tagalog pages

  var links = Array.prototype.slice.call(document.querySelectorAll("a[data-home], a[data-code]"));
  var homes = links.filter(function (link) { return link.dataset.home; });
  var fallback = homes.filter(function (link) { return link.getAttribute("href") === "../"; })[0] || homes[0];
  if (!homes.some(function (link) { return link.dataset.home === language; })) {
    language = fallback.dataset.home; // a language the guide lacks: English
  }
  var chosen = links.filter(function (link) {
    return link.dataset.lang === language && link.dataset.system === system &&
      link.dataset.code.replace(/\./g, "") === code;
  })[0] || homes.filter(function (link) { return link.dataset.home === language; })[0];
  // Only a link of this page, on this site: never anything the address brought.
  if (chosen && chosen.protocol === window.location.protocol && chosen.host === window.location.host) {
    window.location.replace(chosen.href);
  }
})();
