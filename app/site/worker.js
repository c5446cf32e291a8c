// infercost service worker, derived from go-app v10.1.11's DefaultAppWorkerJS.
// Differences, each needed for offline use (see app/site/worker.go):
//  - install waits for the whole cache to fill, and fails if it cannot;
//  - the scope URL itself ("/repo/") is cached, not just "/";
//  - requests match the cache ignoring their query string;
//  - a navigation that is neither cached nor reachable gets the cached app;
//  - activation waits for old caches to go and does not claim open pages;
//  - caches are named for the build's scope, and activation deletes only
//    this scope's older ones: another build under another path, or another
//    site on a shared origin (user.github.io), keeps its caches; a cache of
//    the old "app-<version>" name is deleted only if it holds this scope's
//    app.wasm.
const cachePrefix = "infercost:" + new URL(self.registration.scope).pathname + ":";
const cacheName = cachePrefix + "{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

self.addEventListener("install", (event) => {
  console.log("installing app worker {{.Version}}");
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      // addAll rejects duplicates: "/" and the scope are one URL at the root.
      const urls = new Set(
        resourcesToCache.concat([self.registration.scope]).map((u) => new URL(u, self.location).href)
      );
      await cache.addAll([...urls]);
      await self.skipWaiting();
    })()
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(
        keys.filter((key) => key.startsWith(cachePrefix) && key !== cacheName).map((key) => caches.delete(key))
      );
      // Builds before scoped names called their cache "app-<version>", as
      // every go-app site does. Such a cache is ours only if it holds this
      // scope's app.wasm: another site's, or another path's, is left alone.
      const ownWasm = new URL("web/app.wasm", self.registration.scope).href;
      await Promise.all(
        keys.filter((key) => key.startsWith("app-")).map(async (key) => {
          const old = await caches.open(key);
          if (await old.match(ownWasm, { ignoreSearch: true })) {
            await caches.delete(key);
          }
        })
      );
      // No clients.claim(): go-app reports any activation seen by a
      // controlled page as an update, so claiming the first visit would
      // offer a bogus "new version". The next navigation is served offline.
      console.log("app worker {{.Version}} is activated");
    })()
  );
});

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") {
    return;
  }
  event.respondWith(fetchWithCache(event.request));
});

async function fetchWithCache(request) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) {
    return cached;
  }
  try {
    return await fetch(request);
  } catch (err) {
    if (request.mode === "navigate") {
      const app = await cache.match(self.registration.scope, { ignoreSearch: true });
      if (app) {
        return app;
      }
    }
    throw err;
  }
}
