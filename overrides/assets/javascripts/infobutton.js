// The infobutton page (/infobutton/, src/guide/infobutton/steps.py): a patient record opens it with a code
// and a language in MedlinePlus Connect's request shape, and the reader goes on to the guide's page for that
// code in that language. The page lists every link it can go to; this script only chooses one, by comparing
// the request's values with each link's data attributes. No value from the address is written anywhere: an
// unknown code goes to the language's home, an unknown language to English, anything else matches no link.
// It also registers the service worker of the whole site (the body's data-sw), which keeps this page and its
// answers offline: the next time the record opens it without a network, it still works.
(function () {
  "use strict";
  var MAX = 64; // longer values are no codes, whatever they hold
  var WAIT = 1000; // at most this long (ms) before going on: registering must never hold the reader up

  // Resolves once the worker is registered (its install then goes on by itself), failed, or WAIT passed.
  function registerWorker() {
    var body = document.body;
    if (!("serviceWorker" in navigator) || window.location.protocol === "file:" || !body.dataset.sw) {
      return Promise.resolve();
    }
    var registered = navigator.serviceWorker
      .register(body.dataset.sw, { scope: body.dataset.scope })
      .catch(function () {}); // offline, or storage refused: the page works as it is
    return Promise.race([registered, new Promise(function (resolve) { setTimeout(resolve, WAIT); })]);
  }

  var query = new URLSearchParams(window.location.search);
  var asked = ["mainSearchCriteria.v.cs", "mainSearchCriteria.v.c", "informationRecipient.languageCode.c"];
  if (!asked.some(function (name) { return query.has(name); })) { // opened by hand: show the list
    registerWorker();
    return;
  }

  function value(name) {
    var found = query.get(name) || "";
    return found.length > MAX ? "" : found.trim();
  }
  // As guide/infobutton/codes.py: an OID with or without 'urn:oid:', a code without its dot in any case,
  // a language by its first part ('es-MX' is 'es'; Chinese of Taiwan, Hong Kong, Macau or Hant is 'zh-Hant').
  var system = value("mainSearchCriteria.v.cs").replace(/^urn:oid:/, "");
  var code = value("mainSearchCriteria.v.c").toUpperCase().replace(/\./g, "");
  // The rules of which language a tag means come from the build (guide/core/language_tags.py).
  var rules = JSON.parse(document.body.dataset.languageTags);
  var traditional = rules.traditional;
  var subtags = value("informationRecipient.languageCode.c").toLowerCase().split(/[-_]/);
  var language = rules.same[subtags[0]] || subtags[0];
  if (language === traditional.language && subtags.indexOf(traditional.unless) < 0 &&
      subtags.slice(1).some(function (subtag) { return traditional.subtags.indexOf(subtag) >= 0; })) {
    language = traditional.locale; // falls back to English below if the guide has no zh-Hant
  }

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
    registerWorker().then(function () { window.location.replace(chosen.href); });
  }
})();
