/* Material reads every <link rel="alternate"> once the page is parsed and downloads "sitemap.xml" beside
   each address (to keep a reader on the same page when switching language): our hreflang and oEmbed links
   point at pages and JSON files, so every one of those requests failed. The language switcher already
   links to the same page in each language. This script runs before the page is parsed to the end, so
   Material sees no alternate link; the tokens stay in the HTML for search engines and oEmbed clients. */
(function () {
  "use strict";
  for (const link of document.querySelectorAll('link[rel="alternate"]')) link.rel = "alternate x-no-sitemap";
})();
