// Progressive enhancement only: every control works without this file.
(function () {
  'use strict';

  // Shared pages (the same bytes for every anonymous reader, so any cache can keep them) carry no CSRF token.
  // Before such a form is sent, the token is taken from its cookie, or fetched once (which sets the cookie).
  function cookie(name) {
    var match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return match ? decodeURIComponent(match[1]) : null;
  }
  var pendingToken = null;
  function token() {
    var known = cookie('XSRF-TOKEN');
    if (known) { return Promise.resolve(known); }
    if (!pendingToken) {
      pendingToken = fetch('/csrf', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.json(); }).then(function (j) { return j.token; });
    }
    return pendingToken;
  }
  // A shared page is rendered for everyone as "follow": a reader who follows the creator sees the button turn.
  function showFollowing(scope) {
    var follow = scope.querySelector('.follow-form');
    var button = follow && follow.querySelector('[data-testid="follow-button"]');
    if (!button || button.getAttribute('aria-pressed') === 'true') { return; }
    follow.action = follow.action.replace(/\/follow$/, '/unfollow');
    button.textContent = button.getAttribute('data-unfollow-text');
    button.setAttribute('aria-pressed', 'true');
    button.classList.remove('button-primary');
    button.classList.add('button-secondary');
  }
  function fillTokens(value) {
    document.querySelectorAll('form input[type=hidden][name="_csrf"]').forEach(function (input) {
      if (!input.value) { input.value = value; }
    });
  }
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var input = form.querySelector && form.querySelector('input[type=hidden][name="_csrf"]');
    if (!input || input.value || !window.fetch) {
      return; // without scripts the server answers with a confirmation page that carries a token
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    var submitter = event.submitter;
    token().then(function (value) {
      fillTokens(value);
      if (form.requestSubmit) { form.requestSubmit(submitter || undefined); } else { form.submit(); }
    }).catch(function () { form.submit(); });
  }, true);

  // The article page's read beacon and live numbers (a second old at most; as old as the page without scripts).
  function formatCount(n) {
    if (document.documentElement.lang === 'en' || n < 10000) { return String(n); }
    var tenths = Math.round(n / 1000);
    return Math.floor(tenths / 10) + '.' + (tenths % 10) + '万';
  }
  function setCount(selector, n) {
    var el = document.querySelector(selector);
    if (el && typeof n === 'number') { el.textContent = el.textContent.replace(/[\d,.]+万?/, formatCount(n)); }
  }
  var beacon = document.getElementById('reader-beacon');
  if (beacon && window.fetch) {
    var id = beacon.getAttribute('data-article');
    // where the reader came from, for the creator's analytics: the referring page's host only (never its path or
    // query), and the landing URL's utm_medium/utm_source (a feed's tag); the server sorts them into categories
    var origin = new URLSearchParams();
    try {
      if (document.referrer) { origin.set('ref', new URL(document.referrer).hostname); }
      var landing = new URLSearchParams(window.location.search);
      var via = landing.get('utm_medium') || landing.get('utm_source');
      if (via) { origin.set('via', via.slice(0, 32)); }
    } catch (e) { /* an odd referrer: counted as direct */ }
    fetch('/articles/' + id + '/view', { method: 'POST', credentials: 'same-origin', keepalive: true,
      headers: { 'Accept': 'application/json' }, body: origin })
      .then(function (r) { return r.json(); })
      .then(function (state) {
        if (state.csrfToken) { fillTokens(state.csrfToken); }
        if (state.following) { showFollowing(document); }
        var like = document.querySelector('[data-testid="like-button"]');
        if (state.liked && like) {
          like.setAttribute('aria-pressed', 'true');
          like.classList.add('button-primary');
        }
      })
      .catch(function () { /* counting is best effort; the page works without it */ });
    fetch('/articles/' + id + '/live', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (live) {
        setCount('[data-testid="read-count"]', live.reads);
        setCount('[data-testid="share-count"]', live.shares);
        setCount('[data-testid="like-count"]', live.likes);
        setCount('[data-testid="comment-count"]', live.comments);
        setCount('[data-testid="follower-count"]', live.followers);
      })
      .catch(function () { /* the numbers the page was rendered with stay */ });
  }

  // The shared creator page: this reader's follow state and token come from a small request, as on the article page.
  var creatorState = document.querySelector('[data-state-url]');
  if (creatorState && window.fetch) {
    fetch(creatorState.getAttribute('data-state-url'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (state) {
        if (state.csrfToken) { fillTokens(state.csrfToken); }
        if (state.following) { showFollowing(creatorState); }
      })
      .catch(function () { /* the button works without it: the server asks to confirm */ });
  }

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

  // Editor: upload an image from the editor and insert its Markdown at the cursor.
  var upload = document.querySelector('.editor-upload');
  if (upload && window.fetch && window.FormData) {
    upload.hidden = false;
    var form = upload.closest('form');
    upload.querySelector('[data-upload-button]').addEventListener('click', function () {
      var file = upload.querySelector('[data-upload-file]');
      var alt = upload.querySelector('[data-upload-alt]');
      var status = upload.querySelector('[data-upload-status]');
      var csrf = form.querySelector('input[type=hidden][name="_csrf"]');
      if (!file.files.length || !alt.value.trim()) {
        status.textContent = alt.getAttribute('data-missing') || '请选择图片并填写图片说明';
        return;
      }
      var data = new FormData();
      data.append('file', file.files[0]);
      data.append('alt', alt.value);
      status.textContent = '…';
      // the token travels in a header, never in the URL (URLs end up in logs and history)
      fetch(upload.getAttribute('data-upload-url'), {
        method: 'POST', headers: { 'Accept': 'application/json', 'X-XSRF-TOKEN': csrf ? csrf.value : '' },
        body: data, credentials: 'same-origin'
      }).then(function (response) {
        if (response.status === 413) { throw new Error('图片太大 / too large'); }
        if (response.status === 415) { throw new Error('只接受 JPEG、PNG、WebP、GIF / unsupported type'); }
        return response.json().then(function (json) {
          if (!response.ok) { throw new Error(json.error || response.status); }
          return json;
        });
      }).then(function (json) {
        var asCover = upload.querySelector('[data-upload-cover]');
        document.dispatchEvent(new CustomEvent('inkstone:uploaded', { detail: { json: json, cover: !!(asCover && asCover.checked) } }));
        if (!(asCover && asCover.checked)) {
          var body = form.querySelector('textarea[name="body"]');
          var at = body.selectionStart || body.value.length;
          body.value = body.value.slice(0, at) + '\n' + json.markdown + '\n' + body.value.slice(at);
        }
        status.textContent = '✓ ' + json.url;
        file.value = ''; alt.value = '';
      }).catch(function (error) { status.textContent = String(error.message || error); });
    });
  }

  // Editor: autosave. Drafts are saved to the server every 30 s while they change; every article also keeps
  // a copy in this browser, so a closed tab loses nothing. Published articles are never saved automatically.
  var bodyArea = document.querySelector('textarea[data-autosave]');
  if (bodyArea && window.fetch) {
    var editor = bodyArea.closest('form');
    var status = document.querySelector('[data-testid="article-status"]');
    var isDraft = !document.querySelector('[data-testid="correction"]');
    var last = new URLSearchParams(new FormData(editor)).toString();
    setInterval(function () {
      var current = new URLSearchParams(new FormData(editor));
      if (current.toString() === last) { return; }
      last = current.toString();
      // the browser copy is kept by editor.js on every keystroke (and offered back when newer than the server's)
      if (!isDraft || !editor.querySelector('[name="title"]').value.trim()) { return; }
      current.set('action', 'save');
      fetch(editor.action, { method: 'POST', body: current, credentials: 'same-origin' }).then(function (response) {
        if (response.ok && response.url.indexOf('/studio/articles/') >= 0 && editor.action.indexOf(response.url.split('?')[0]) < 0) {
          editor.action = response.url.split('?')[0];
          history.replaceState(null, '', editor.action);
        }
        if (response.ok && status) { status.setAttribute('data-autosaved', new Date().toISOString()); }
      }).catch(function () { /* next tick retries */ });
    }, 30000);
  }

  // Search: suggestions from titles and creator names while typing (the form works the same without them).
  function suggest(searchInput, suggestionList) {
    if (!searchInput || !suggestionList || !window.fetch) { return; }
    var timer;
    searchInput.addEventListener('input', function () {
      clearTimeout(timer);
      var q = searchInput.value.trim();
      if (!q) { return; }
      timer = setTimeout(function () {
        fetch('/api/v1/suggest?q=' + encodeURIComponent(q), { headers: { 'Accept': 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (items) {
            suggestionList.innerHTML = '';
            items.forEach(function (item) {
              var option = document.createElement('option');
              option.value = item.text;
              suggestionList.appendChild(option);
            });
          }).catch(function () { /* suggestions are optional */ });
      }, 150);
    });
  }
  suggest(document.getElementById('search-q'), document.getElementById('search-suggestions'));
  // the header's search box suggests too (its list is filled only when someone types)
  suggest(document.getElementById('header-q'), document.getElementById('header-suggestions'));

  // Reader experience (issue 16): the phone header's menu. Without scripts the button is a link to #site-menu and
  // CSS shows the menu while it is the target; with scripts it toggles in place and says whether it is open.
  var menuButton = document.querySelector('[data-testid="menu-button"]');
  var menu = document.getElementById('site-menu');
  if (menuButton && menu) {
    var setMenu = function (open) {
      menu.classList.toggle('open', open);
      menuButton.setAttribute('aria-expanded', open ? 'true' : 'false');
    };
    menuButton.addEventListener('click', function (event) {
      event.preventDefault();
      setMenu(!menu.classList.contains('open'));
      if (menu.classList.contains('open')) {
        var first = menu.querySelector('a:not(.menu-close), button');
        if (first) { first.focus(); }
      }
    });
    var close = menu.querySelector('.menu-close');
    if (close) {
      close.addEventListener('click', function (event) {
        event.preventDefault();
        setMenu(false);
        menuButton.focus();
      });
    }
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && menu.classList.contains('open')) {
        setMenu(false);
        menuButton.focus();
      }
    });
  }

  // Reader settings (A−/A+, night) and the 无障碍 toolbar: kept in localStorage (prefs.js applies them before the page
  // paints), never sent to the server. The controls are hidden without scripts, where the page keeps its defaults.
  var PREFS_KEY = 'inkstone.prefs';
  function loadPrefs() {
    try { return JSON.parse(window.localStorage.getItem(PREFS_KEY) || '{}'); } catch (e) { return {}; }
  }
  function savePrefs(prefs) {
    try { window.localStorage.setItem(PREFS_KEY, JSON.stringify(prefs)); } catch (e) { /* private mode: this page only */ }
  }
  // the 无障碍 toolbar's settings count only in 无障碍 mode; outside it they are ignored (and offered for reset)
  var TOOLBAR_PREFS = ['zoom', 'contrast', 'colors', 'spacing', 'guide', 'cursor', 'plain'];
  var a11yMode = /(^|-)a11y$/.test(document.documentElement.getAttribute('data-mode') || '');
  function applyPrefs(prefs) {
    var root = document.documentElement;
    (a11yMode ? ['size', 'scheme'].concat(TOOLBAR_PREFS) : ['size', 'scheme']).forEach(function (key) {
      var value = prefs[key];
      if (value === undefined || value === null || value === '' || value === 0 || value === false) {
        root.removeAttribute('data-' + key);
      } else {
        root.setAttribute('data-' + key, String(value));
      }
    });
    document.querySelectorAll('[data-a11y]').forEach(function (button) {
      var key = button.getAttribute('data-a11y');
      if (key === 'colors') {
        var chosen = prefs.colors || 'white';
        button.setAttribute('aria-pressed', button.getAttribute('data-value') === chosen ? 'true' : 'false');
      } else if (button.hasAttribute('aria-pressed') && key !== 'speak') {
        button.setAttribute('aria-pressed', prefs[key] ? 'true' : 'false');
      }
    });
    var offer = document.querySelector('[data-testid="a11y-prefs-reset"]');
    if (offer) {
      offer.hidden = a11yMode || !TOOLBAR_PREFS.some(function (key) { return prefs[key]; });
    }
    var night = document.querySelector('[data-testid="night-switch"]');
    if (night) {
      var dark = prefs.scheme ? prefs.scheme === 'dark'
        : !!(window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
      night.setAttribute('aria-pressed', dark ? 'true' : 'false');
    }
  }
  function clamp(n, low, high) { return Math.max(low, Math.min(high, n)); }
  var prefs = loadPrefs();
  applyPrefs(prefs);
  var tools = document.querySelector('[data-testid="reader-tools"]');
  if (tools) {
    tools.hidden = false;
    tools.addEventListener('click', function (event) {
      var button = event.target.closest('button');
      if (!button) { return; }
      if (button.getAttribute('data-pref') === 'size') {
        prefs.size = clamp((prefs.size || 0) + Number(button.getAttribute('data-step')), -1, 3);
      } else if (button.getAttribute('data-pref') === 'scheme') {
        prefs.scheme = button.getAttribute('aria-pressed') === 'true' ? 'light' : 'dark';
      } else if (button.getAttribute('data-pref') === 'reset-a11y') {
        TOOLBAR_PREFS.forEach(function (k) { delete prefs[k]; });
      }
      savePrefs(prefs);
      applyPrefs(prefs);
    });
  }
  var toolbar = document.querySelector('[data-testid="a11y-toolbar"]');
  if (toolbar) {
    toolbar.hidden = false;
    var speak = toolbar.querySelector('[data-a11y="speak"]');
    var canSpeak = 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window;
    if (speak && canSpeak) { speak.hidden = false; }
    toolbar.addEventListener('click', function (event) {
      var button = event.target.closest('button');
      if (!button) { return; }
      if (button.classList.contains('a11y-toggle')) {
        var open = !toolbar.classList.contains('open');
        toolbar.classList.toggle('open', open);
        button.setAttribute('aria-expanded', open ? 'true' : 'false');
        return;
      }
      var key = button.getAttribute('data-a11y');
      if (key === 'zoom') {
        prefs.zoom = clamp((prefs.zoom || 0) + Number(button.getAttribute('data-step')), 0, 4);
      } else if (key === 'reset') {
        TOOLBAR_PREFS.concat(['size']).forEach(function (k) { delete prefs[k]; });
        if (canSpeak) { window.speechSynthesis.cancel(); }
        if (speak) { speak.setAttribute('aria-pressed', 'false'); }
      } else if (key === 'speak') {
        // the button's own state decides: speechSynthesis.speaking stays false while an utterance waits for a voice,
        // so a second press has to stop, not queue another one
        if (button.getAttribute('aria-pressed') === 'true' || window.speechSynthesis.speaking || window.speechSynthesis.pending) {
          window.speechSynthesis.cancel();
          button.setAttribute('aria-pressed', 'false');
        } else {
          var source = document.querySelector('[data-testid="body"]') || document.getElementById('main');
          var title = document.querySelector('[data-testid="title"]');
          var utterance = new window.SpeechSynthesisUtterance(((title ? title.textContent + '。' : '') + source.textContent).trim());
          utterance.lang = document.documentElement.lang || 'zh-CN';
          utterance.onend = function () { button.setAttribute('aria-pressed', 'false'); };
          utterance.onerror = function () { button.setAttribute('aria-pressed', 'false'); };
          window.speechSynthesis.speak(utterance);
          button.setAttribute('aria-pressed', 'true');
        }
        return;
      } else if (key === 'contrast') {
        prefs.contrast = prefs.contrast === 'dark' ? 'light' : prefs.contrast === 'light' ? 0 : 'dark';
        delete prefs.colors;
      } else if (key === 'colors') {
        // white (黑字白底) is the default scheme: no attribute
        prefs.colors = button.getAttribute('data-value') === 'white' ? 0 : button.getAttribute('data-value');
        delete prefs.contrast;
      } else {
        prefs[key] = prefs[key] ? 0 : 1;
      }
      savePrefs(prefs);
      applyPrefs(prefs);
    });
    var guide = document.querySelector('.reading-guide');
    if (guide) {
      document.addEventListener('mousemove', function (event) {
        guide.style.top = event.clientY + 'px';
      }, { passive: true });
    }
  }
  // --- fix16 ---
  // The channel strip scrolls sideways on a phone: bring the current channel into view (without scripts the strip
  // starts at its beginning, as before).
  var current = document.querySelector('.channel-nav a[aria-current=page], .channel-nav a[aria-current=true]');
  if (current) {
    var strip = current.closest('ul');
    if (strip && strip.scrollWidth > strip.clientWidth) {
      var left = current.getBoundingClientRect().left - strip.getBoundingClientRect().left + strip.scrollLeft;
      var right = left + current.offsetWidth;
      if (left < strip.scrollLeft || right > strip.scrollLeft + strip.clientWidth) {
        strip.scrollLeft = Math.max(0, left - (strip.clientWidth - current.offsetWidth) / 2);
      }
    }
  }
  // A decision form: choosing an action pre-fills its statement-of-reasons template (one field per language) for the
  // reviewer to adjust; a field the reviewer already changed is left alone. Without scripts the fields stay as served
  // and a blank one is sent with the action's template.
  document.querySelectorAll('form[data-statements]').forEach(function (form) {
    var fields = form.querySelectorAll('textarea[data-sor]');
    var filled = {};
    fields.forEach(function (field) { filled[field.name] = field.value; });
    form.addEventListener('change', function (event) {
      var choice = event.target;
      if (choice.type !== 'radio' || !choice.hasAttribute('data-sor-zh')) { return; }
      fields.forEach(function (field) {
        if (field.value !== filled[field.name]) { return; }
        field.value = choice.getAttribute('data-sor-' + field.getAttribute('data-sor')) || '';
        filled[field.name] = field.value;
      });
    });
  });
})();
