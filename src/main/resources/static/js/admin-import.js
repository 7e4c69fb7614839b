// /admin/import/{id}: polls the import's status and moves the progress bar; without this file the page's
// refresh link does the same.
(function () {
  'use strict';
  var section = document.querySelector('[data-testid="import-job"]');
  if (!section || !window.fetch) { return; }
  var url = section.getAttribute('data-status-url');
  var bar = section.querySelector('[data-testid="import-progress"]');
  var percent = section.querySelector('[data-testid="import-percent"]');
  var summary = section.querySelector('[data-testid="import-summary"]');
  var refresh = section.querySelector('[data-testid="import-refresh"]');
  function poll() {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      })
      .then(function (data) {
        bar.value = data.percent;
        bar.textContent = data.percent + '%';
        percent.textContent = data.percent + '%';
        if (data.state === 'done' || data.state === 'failed' || data.state === 'interrupted') {
          window.location.reload();
          return;
        }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  var state = section.getAttribute('data-state');
  if (state !== 'done' && state !== 'failed' && state !== 'interrupted') {
    if (refresh) { refresh.hidden = true; }
    window.setTimeout(poll, 500);
  }
})();
