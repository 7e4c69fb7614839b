// /studio/export/{id}: polls the export's status and moves the progress bar; reloads when the zip is ready. Without
// this file the page's refresh link does the same.
(function () {
  'use strict';
  var section = document.querySelector('[data-testid="export-job"]');
  if (!section || !window.fetch) { return; }
  var url = section.getAttribute('data-status-url');
  var bar = section.querySelector('[data-testid="export-progress"]');
  var percent = section.querySelector('[data-testid="export-percent"]');
  var refresh = section.querySelector('[data-testid="export-refresh"]');
  var state = section.getAttribute('data-state');
  if (state !== 'queued' && state !== 'running') { return; }
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
        if (data.state !== 'queued' && data.state !== 'running') {
          window.location.reload();
          return;
        }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  if (refresh) { refresh.hidden = true; }
  window.setTimeout(poll, 500);
})();
