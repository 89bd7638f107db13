// Keeps /verify on the device: served from the cache first, so the verifier opens with the network
// off; refreshed from the node in the background whenever the network is there.
const CACHE = 'tangle-verifier-v1';
const PAGE = '/verify';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.add(PAGE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin || url.pathname !== PAGE) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(PAGE);
      const fresh = fetch(event.request)
        .then((response) => {
          if (response.ok) cache.put(PAGE, response.clone());
          return response;
        })
        .catch(() => cached);
      return cached ?? fresh;
    }),
  );
});
