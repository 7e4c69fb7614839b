// Reader preferences kept in this browser only (localStorage), applied before the page paints: type size (A−/A+),
// colour scheme (night) and the 无障碍 toolbar's settings. Nothing here reaches the server, so anonymous pages stay
// the same bytes for every reader. Without scripts the page keeps its defaults (and prefers-color-scheme).
// The toolbar's settings apply only in 无障碍 mode (data-mode on <html>, from the mode cookie): outside it they are
// ignored, and inkstone.js offers to reset them.
(function () {
  'use strict';
  try {
    var prefs = JSON.parse(window.localStorage.getItem('inkstone.prefs') || '{}');
    var root = document.documentElement;
    var a11y = /(^|-)a11y$/.test(root.getAttribute('data-mode') || '');
    (a11y ? ['size', 'scheme', 'zoom', 'contrast', 'colors', 'spacing', 'guide', 'cursor', 'plain'] : ['size', 'scheme']).forEach(function (key) {
      if (prefs[key] !== undefined && prefs[key] !== null && prefs[key] !== '') {
        root.setAttribute('data-' + key, String(prefs[key]));
      }
    });
  } catch (e) { /* storage may be off: defaults */ }
})();
