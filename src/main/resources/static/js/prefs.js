// Reader preferences kept in this browser only (localStorage), applied before the page paints: type size (A−/A+),
// colour scheme (night) and the 无障碍 toolbar's settings. Nothing here reaches the server, so anonymous pages stay
// the same bytes for every reader. Without scripts the page keeps its defaults (and prefers-color-scheme).
(function () {
  'use strict';
  try {
    var prefs = JSON.parse(window.localStorage.getItem('inkstone.prefs') || '{}');
    var root = document.documentElement;
    ['size', 'scheme', 'zoom', 'contrast', 'spacing', 'guide', 'cursor', 'plain'].forEach(function (key) {
      if (prefs[key] !== undefined && prefs[key] !== null && prefs[key] !== '') {
        root.setAttribute('data-' + key, String(prefs[key]));
      }
    });
  } catch (e) { /* storage may be off: defaults */ }
})();
