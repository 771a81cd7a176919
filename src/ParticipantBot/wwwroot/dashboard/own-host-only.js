// The page loads nothing from another host (its Content-Security-Policy says so too). teams-js asks a
// Microsoft CDN for its list of valid origins as soon as it loads; the policy would block that request
// and the console would say so. Any request to another host fails here instead, before it is made:
// teams-js then uses the list it ships with, as it does when the CDN does not answer.
(() => {
  const own = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, location.href);
    return url.origin === location.origin ? own(input, init) : Promise.reject(new TypeError('This page loads nothing from another host.'));
  };
})();
