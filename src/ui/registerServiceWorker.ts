/**
 * Registers public/sw.js in production builds only, so the app works offline
 * after its first load. In development a service worker would serve stale
 * modules to Vite's dev server, so none is registered there.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  // Relative to the page, so it works under a GitHub Pages sub-path too.
  const url = new URL('sw.js', document.baseURI);
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(url, { scope: './' }).catch(() => {
      // Offline support is a convenience; the app runs without it.
    });
  });
}
