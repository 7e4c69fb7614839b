// Progressive enhancement only: every control works without this file.
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains('share-form') || !window.fetch) {
      return;
    }
    event.preventDefault();
    var url = form.getAttribute('data-share-url');
    var panel = document.querySelector('[data-testid="share-panel"]');
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).catch(function () { /* the panel shows the link anyway */ });
    }
    fetch(form.action, {
      method: 'POST',
      headers: { 'Accept': 'application/json' },
      body: new URLSearchParams(new FormData(form)),
      credentials: 'same-origin'
    }).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.json();
    }).then(function (data) {
      var count = form.querySelector('.share-count');
      if (count) {
        count.textContent = count.textContent.replace(/[\d,.万]+/, String(data.shares));
      }
      if (panel) { panel.hidden = false; }
    }).catch(function () {
      form.submit();
    });
  });
})();
