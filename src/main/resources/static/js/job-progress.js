// A long job's page (/admin/import/{id}, /studio/export/{id}): polls the job's status while it is queued or running,
// moves the progress bar and reloads the page when the job has ended. Without this file the page's refresh link
// does the same. Markup: a section with data-job-progress, data-status-url and data-state; inside it the
// elements marked data-job-bar (a <progress>), data-job-percent and data-job-refresh.
(function () {
  'use strict';
  var section = document.querySelector('[data-job-progress]');
  if (!section || !window.fetch) { return; }
  function unfinished(state) { return state === 'queued' || state === 'running'; }
  if (!unfinished(section.getAttribute('data-state'))) { return; }
  var url = section.getAttribute('data-status-url');
  var bar = section.querySelector('[data-job-bar]');
  var percent = section.querySelector('[data-job-percent]');
  var refresh = section.querySelector('[data-job-refresh]');
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
        if (!unfinished(data.state)) {
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
