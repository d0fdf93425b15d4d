/* Service worker for one language of the guide. hooks/offline.py writes a copy per language
   (<lang>/sw.js) with the four constants below filled in from the build. */
"use strict";

const PRECACHE = __PRECACHE__; // [{url, revision}], URLs relative to this file
const CACHE_PREFIX = __CACHE_PREFIX__; // one prefix per language and site path
const VERSION = __VERSION__; // changes whenever any precached file changes
const OFFLINE_PAGE = __OFFLINE_PAGE__;

const CACHE = CACHE_PREFIX + VERSION;
const REVISIONS = "__revisions__"; // a JSON entry in each cache: url -> revision
const absolute = (url) => new URL(url, self.location).href;

async function revisionsIn(cache) {
  const stored = await cache.match(REVISIONS);
  return stored ? stored.json() : {};
}

/* Fill the cache: copy unchanged files from the previous version, download only changed ones. */
async function fillCache() {
  const cache = await caches.open(CACHE);
  const have = await revisionsIn(cache);
  const previous = [];
  for (const name of await caches.keys()) {
    if (name.startsWith(CACHE_PREFIX) && name !== CACHE) {
      const old = await caches.open(name);
      previous.push({ cache: old, revisions: await revisionsIn(old) });
    }
  }
  for (const { url, revision } of PRECACHE) {
    const key = absolute(url);
    if (have[key] === revision) continue;
    let response;
    for (const old of previous) {
      if (old.revisions[key] === revision) {
        response = await old.cache.match(key);
        if (response) break;
      }
    }
    if (!response) {
      response = await fetch(key, { cache: "reload" });
      if (!response.ok) throw new Error(`precache ${key}: HTTP ${response.status}`);
    }
    await cache.put(key, response);
    have[key] = revision;
    await cache.put(REVISIONS, new Response(JSON.stringify(have)));
  }
}

async function missingCount() {
  const have = await revisionsIn(await caches.open(CACHE));
  return PRECACHE.filter(({ url, revision }) => have[absolute(url)] !== revision).length;
}

self.addEventListener("install", (event) => {
  // No skipWaiting here: a reader with an open page is asked before the new version takes over.
  event.waitUntil(fillCache());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })()
  );
});

self.addEventListener("message", (event) => {
  const reply = (message) => event.ports[0] && event.ports[0].postMessage(message);
  if (event.data === "skip-waiting") self.skipWaiting();
  if (event.data === "status") missingCount().then((missing) => reply({ missing }));
  if (event.data === "save") {
    fillCache()
      .then(missingCount)
      .then((missing) => reply({ missing }))
      .catch(() => reply({ missing: -1 }));
  }
});

/* Pages: network first, so an online reader always gets the newest medical text; the cached copy
   only when the network fails, and the offline page only for a page never cached. A 404 or other
   answer from the server is passed through as it is. */
async function page(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") cache.put(request, response.clone());
    return response;
  } catch (error) {
    return (
      (await cache.match(request, { ignoreSearch: true })) ||
      (await cache.match(new URL("index.html", request.url).href)) ||
      (await cache.match(absolute(OFFLINE_PAGE))) ||
      Response.error()
    );
  }
}

/* Everything else (CSS, scripts, search index, images): the precached copy, else the network. */
async function asset(request) {
  const cached = await caches.match(request, { ignoreSearch: true, cacheName: CACHE });
  return cached || fetch(request);
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(request.mode === "navigate" ? page(request) : asset(request));
});
