/* The studio editor: a Markdown toolbar, a live word count, the browser copy offered back when it is newer than the
 * server's draft, the cover picker's live card preview, full-screen writing, the side-by-side preview on wide screens
 * (rendered by the server, as the article page is) and paste of images and of rich text. Everything here is an aid:
 * the form works without it. */
(function () {
  'use strict';
  var form = document.querySelector('[data-testid="editor-form"]');
  var body = form && form.querySelector('textarea[name="body"]');
  if (!body) { return; }
  var title = form.querySelector('input[name="title"]');
  var summary = form.querySelector('textarea[name="summary"]');

  function changed() { body.dispatchEvent(new Event('input', { bubbles: true })); }

  // Toolbar: each button writes Markdown around the selection (or a placeholder, selected so typing replaces it).
  function replace(start, end, text, selectFrom, selectTo) {
    body.focus();
    body.setRangeText(text, start, end, 'end');
    if (selectFrom !== undefined) { body.setSelectionRange(start + selectFrom, start + selectTo); }
    changed();
  }

  function lineStart(at) { return body.value.lastIndexOf('\n', at - 1) + 1; }

  function apply(button) {
    var kind = button.getAttribute('data-md');
    var mark = button.getAttribute('data-md-mark') || '';
    var placeholder = button.getAttribute('data-md-placeholder') || '';
    var start = body.selectionStart, end = body.selectionEnd;
    var selected = body.value.slice(start, end);
    if (kind === 'wrap') {
      var inner = selected || placeholder;
      replace(start, end, mark + inner + mark, mark.length, mark.length + inner.length);
    } else if (kind === 'code') {
      if (selected.indexOf('\n') >= 0) {
        replace(start, end, '\n```\n' + selected + '\n```\n');
      } else {
        var code = selected || placeholder;
        replace(start, end, '`' + code + '`', 1, 1 + code.length);
      }
    } else if (kind === 'line') {
      var from = lineStart(start);
      var lines = body.value.slice(from, end).split('\n');
      var text = lines.map(function (line) { return mark + line; }).join('\n');
      replace(from, end, text);
    } else if (kind === 'link' || kind === 'image') {
      var label = selected || placeholder;
      var prefix = kind === 'image' ? '!' : '';
      var link = prefix + '[' + label + '](https://)';
      var url = prefix.length + label.length + 3;
      replace(start, end, link, url, url + 8);
    } else if (kind === 'block') {
      var snippet = button.getAttribute('data-md-snippet').replace(/\\n/g, '\n');
      var before = start === 0 || body.value.slice(0, start).endsWith('\n\n') ? '' : (body.value.slice(0, start).endsWith('\n') ? '\n' : '\n\n');
      replace(start, end, before + snippet + '\n\n');
    }
  }

  var toolbar = document.querySelector('[data-toolbar]');
  if (toolbar && body.setRangeText) {
    toolbar.hidden = false;
    toolbar.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-md]');
      if (button) { event.preventDefault(); apply(button); }
    });
  }

  // Word count: Chinese characters one by one, other scripts by word (the same rule as the server's count).
  var counter = document.querySelector('[data-word-count]');
  function count(text) {
    var han = text.match(/\p{Script=Han}/gu);
    var words = text.replace(/\p{Script=Han}/gu, ' ').match(/[\p{L}\p{N}]+/gu);
    return (han ? han.length : 0) + (words ? words.length : 0);
  }
  if (counter) {
    body.addEventListener('input', function () { counter.textContent = count(body.value); });
  }

  // The browser copy: written on every change, offered back when it is newer than the draft the server sent.
  function key() {
    var match = /\/studio\/articles\/(\d+)/.exec(form.getAttribute('action') || '');
    return 'inkstone.copy.' + (match ? match[1] : 'new');
  }
  function read() {
    try { return JSON.parse(localStorage.getItem(key()) || 'null'); } catch (e) { return null; }
  }
  var saveTimer;
  function keep() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(function () {
      try {
        localStorage.setItem(key(), JSON.stringify({ title: title ? title.value : '', body: body.value, at: Date.now() }));
      } catch (e) { /* private mode or full: the server draft still saves */ }
    }, 300);
  }
  // A new article's form was sent and the server answers with a saved article (a message on an article's editor):
  // the copy of the new form is in the article now, and must not be offered to the next new article.
  var NEW_SENT = 'inkstone.copy.new.sent';
  try {
    if (key() === 'inkstone.copy.new') {
      form.addEventListener('submit', function () { sessionStorage.setItem(NEW_SENT, '1'); });
    } else if (sessionStorage.getItem(NEW_SENT) && document.querySelector('[data-testid=flash]')) {
      localStorage.removeItem('inkstone.copy.new');
      sessionStorage.removeItem(NEW_SENT);
    }
  } catch (e) { /* storage off: nothing to clear */ }
  var copy = read();
  var serverUpdated = Number(body.getAttribute('data-server-updated') || '0');
  var banner = document.querySelector('[data-restore]');
  var restoring = false;
  if (banner && copy && copy.body && copy.at > serverUpdated
      && (copy.body !== body.value || (title && copy.title !== title.value))) {
    restoring = true;
    banner.hidden = false;
    var when = banner.querySelector('[data-restore-time]');
    if (when) {
      // in the page's language and the site's time zone, as the server writes times
      var options = { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' };
      var zone = when.getAttribute('data-zone');
      if (zone) { options.timeZone = zone; }
      try {
        when.textContent = new Intl.DateTimeFormat(document.documentElement.lang || undefined, options).format(new Date(copy.at));
      } catch (e) {
        when.textContent = new Date(copy.at).toLocaleString(document.documentElement.lang || undefined);
      }
    }
    banner.querySelector('[data-restore-apply]').addEventListener('click', function () {
      body.value = copy.body;
      if (title && copy.title) { title.value = copy.title; }
      banner.hidden = true;
      restoring = false;
      changed();
      if (title) { title.dispatchEvent(new Event('input', { bubbles: true })); }
    });
    banner.querySelector('[data-restore-discard]').addEventListener('click', function () {
      banner.hidden = true;
      restoring = false;
      try { localStorage.removeItem(key()); } catch (e) { /* ignore */ }
      keep(); // what is in the form now (typed while the offer showed) is the copy from here on
    });
  }
  // what is typed is kept, also while a copy is offered: the offered copy stays in memory for 恢复 until the
  // creator decides, and what they type now is newer than it
  form.addEventListener('input', keep);

  // Cover: the picked thumbnail shows on a card like the one readers see; an upload marked as cover joins the picker.
  var preview = document.querySelector('[data-cover-preview]');
  var list = document.querySelector('[data-cover-list]');
  function showCover() {
    if (!preview) { return; }
    var picked = form.querySelector('input[name="cover"]:checked');
    var img = preview.querySelector('[data-preview-img]');
    img.hidden = !picked || !picked.value;
    if (picked && picked.value) { img.src = picked.value; }
    preview.querySelector('[data-preview-title]').textContent = title ? title.value : '';
    preview.querySelector('[data-preview-summary]').textContent = summary ? summary.value : '';
  }
  form.addEventListener('change', function (event) { if (event.target.name === 'cover') { showCover(); } });
  if (title) { title.addEventListener('input', showCover); }
  if (summary) { summary.addEventListener('input', showCover); }
  document.addEventListener('inkstone:uploaded', function (event) {
    if (!list) { return; }
    var json = event.detail.json;
    var item = document.createElement('li');
    var label = document.createElement('label');
    var radio = document.createElement('input');
    radio.type = 'radio'; radio.name = 'cover'; radio.value = json.url;
    radio.setAttribute('data-testid', 'cover-option');
    var img = document.createElement('img');
    img.src = json.thumbnail || json.url; img.alt = json.alt || ''; img.width = 96; img.height = 64;
    label.appendChild(radio); label.appendChild(img); item.appendChild(label);
    list.appendChild(item);
    var empty = document.querySelector('[data-cover-empty]');
    if (empty) { empty.hidden = true; }
    if (event.detail.cover) { radio.checked = true; showCover(); changed(); }
  });
  // The CSRF token travels in a header, never in a URL.
  function csrf() {
    var input = form.querySelector('input[type=hidden][name="_csrf"]');
    return input ? input.value : '';
  }
  function insertAtCursor(text) {
    var start = body.selectionStart, end = body.selectionEnd;
    body.focus();
    body.setRangeText(text, start, end, 'end');
    changed();
  }

  // Full-screen writing: a button (its pressed state read out), Esc to leave, focus kept where the writer is.
  var writing = document.querySelector('[data-writing]');
  var modes = document.querySelector('[data-modes]');
  var fullscreenButton = modes && modes.querySelector('[data-fullscreen]');
  var modesStatus = modes && modes.querySelector('[data-modes-status]');
  function setFullscreen(on) {
    writing.classList.toggle('fullscreen', on);
    fullscreenButton.setAttribute('aria-pressed', on ? 'true' : 'false');
    fullscreenButton.textContent = fullscreenButton.getAttribute(on ? 'data-label-leave' : 'data-label-enter');
    modesStatus.textContent = modesStatus.getAttribute(on ? 'data-entered' : 'data-left');
  }
  if (writing && fullscreenButton && body.setRangeText) {
    modes.hidden = false;
    fullscreenButton.addEventListener('click', function () {
      setFullscreen(!writing.classList.contains('fullscreen'));
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && writing.classList.contains('fullscreen')) {
        event.preventDefault();
        setFullscreen(false);
      }
    });
    // while full screen, keyboard focus stays on what is visible
    document.addEventListener('focusin', function (event) {
      if (writing.classList.contains('fullscreen') && !writing.contains(event.target)) {
        fullscreenButton.focus();
      }
    });
  }

  // Side-by-side preview from 1100 px: the server renders the Markdown (the article page's renderer and sanitizer)
  // after each pause in typing; nothing is rendered in the browser, so the preview cannot differ from the page.
  var livePreview = document.querySelector('[data-live-preview]');
  var previewBody = livePreview && livePreview.querySelector('[data-live-preview-body]');
  var wide = window.matchMedia ? window.matchMedia('(min-width: 1100px)') : null;
  var previewTimer, previewSent = null, previewSeq = 0;
  function renderPreview() {
    if (!writing.classList.contains('side-by-side') || body.value === previewSent) { return; }
    var text = body.value, seq = ++previewSeq;
    previewSent = text;
    fetch(writing.getAttribute('data-preview-url'), {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': csrf() },
      body: new URLSearchParams({ body: text })
    }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) { previewSent = null; throw new Error(json.error || response.status); }
        return json;
      });
    }).then(function (json) {
      if (seq !== previewSeq) { return; }
      previewBody.innerHTML = json.html; // sanitized by the server, as on the article page
      livePreview.setAttribute('data-rendered', String(seq));
    }).catch(function (error) {
      if (seq === previewSeq) { previewBody.textContent = String(error.message || error); }
    });
  }
  function layout() {
    var on = !!(wide && wide.matches);
    writing.classList.toggle('side-by-side', on);
    livePreview.hidden = !on;
    if (on) { renderPreview(); }
  }
  if (writing && livePreview && wide && window.fetch && window.URLSearchParams) {
    layout();
    if (wide.addEventListener) { wide.addEventListener('change', layout); }
    body.addEventListener('input', function () {
      clearTimeout(previewTimer);
      previewTimer = setTimeout(renderPreview, 400);
    });
  }

  // Paste: images go to the media library and come back as Markdown at the cursor; rich text (Word, WeChat pages)
  // becomes Markdown; plain text stays plain (the browser's own paste).
  var pasteStatus = document.querySelector('[data-paste-status]');
  var pasted = 0;
  function say(key, isError, extra) {
    if (!pasteStatus) { return; }
    pasteStatus.textContent = pasteStatus.getAttribute(key) + (extra ? ' ' + extra : '');
    pasteStatus.classList.toggle('error', !!isError);
  }
  function uploadPasted(file) {
    var marker = '![' + pasteStatus.getAttribute('data-uploading') + ' #' + (++pasted) + ']()';
    insertAtCursor(marker);
    say('data-uploading');
    var data = new FormData();
    var type = (file.type || 'image/png').split('/')[1].replace('jpeg', 'jpg');
    data.append('file', file, file.name && file.name !== 'image.png' ? file.name : 'pasted.' + type);
    data.append('alt', pasteStatus.getAttribute('data-alt'));
    function swap(text) {
      var at = body.value.indexOf(marker);
      if (at >= 0) {
        var keepStart = body.selectionStart, keepEnd = body.selectionEnd, delta = text.length - marker.length;
        body.setRangeText(text, at, at + marker.length, 'preserve');
        if (keepStart > at) { body.setSelectionRange(keepStart + delta, keepEnd + delta); }
        changed();
      }
    }
    var upload = document.querySelector('.editor-upload');
    return fetch(upload ? upload.getAttribute('data-upload-url') : '/studio/media', {
      method: 'POST', headers: { 'Accept': 'application/json', 'X-XSRF-TOKEN': csrf() },
      body: data, credentials: 'same-origin'
    }).then(function (response) {
      var ct = response.headers.get('Content-Type') || '';
      if (ct.indexOf('json') < 0) { throw new Error(String(response.status)); }
      return response.json().then(function (json) {
        if (!response.ok) { throw new Error(json.error || response.status); }
        return json;
      });
    }).then(function (json) {
      // an image stands on its own line
      var at = body.value.indexOf(marker), before = at > 0 ? body.value.charAt(at - 1) : '\n';
      var after = body.value.charAt(at + marker.length);
      swap((before === '\n' ? '' : '\n') + json.markdown + (after === '' || after === '\n' ? '' : '\n'));
      say('data-done');
      document.dispatchEvent(new CustomEvent('inkstone:uploaded', { detail: { json: json, cover: false } }));
    }).catch(function (error) {
      swap('');
      say('data-failed', true, String(error.message || error));
    });
  }

  var turndown = null;
  function toMarkdown(html) {
    if (!turndown) {
      turndown = new window.TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced',
        emDelimiter: '*', strongDelimiter: '**', hr: '---' });
      turndown.remove(['style', 'script', 'meta', 'title', 'head', 'noscript', 'iframe', 'object', 'svg']);
      // WeChat and some editors mark bold and italic with styles instead of <b> and <i>
      turndown.addRule('styledBold', {
        filter: function (node) {
          return node.nodeName === 'SPAN' && /font-weight\s*:\s*(bold|[6-9]00)/i.test(node.getAttribute('style') || '');
        },
        replacement: function (content) { return content.trim() ? '**' + content.trim() + '**' : content; }
      });
      turndown.addRule('styledItalic', {
        filter: function (node) {
          return node.nodeName === 'SPAN' && /font-style\s*:\s*italic/i.test(node.getAttribute('style') || '');
        },
        replacement: function (content) { return content.trim() ? '*' + content.trim() + '*' : content; }
      });
      // images become Markdown image links to their web address; local ones (file:, data:, cid:) cannot be linked
      turndown.addRule('webImages', {
        filter: 'img',
        replacement: function (content, node) {
          var src = node.getAttribute('data-src') || node.getAttribute('src') || '';
          if (!/^https?:\/\//i.test(src)) { return ''; }
          var alt = (node.getAttribute('alt') || '').replace(/[\[\]\n]/g, ' ').trim();
          return '![' + alt + '](' + src.replace(/\)/g, '%29') + ')';
        }
      });
      // a simple table (no merged cells, no nested tables) becomes a pipe table; others keep their text
      function simpleTable(table) {
        return !table.querySelector('table') && !table.querySelector('[rowspan]:not([rowspan="1"]), [colspan]:not([colspan="1"])');
      }
      function cell(node) {
        return turndown.turndown(node.innerHTML).replace(/\n+/g, ' ').replace(/\|/g, '\\|').trim();
      }
      turndown.addRule('simpleTable', {
        filter: function (node) { return node.nodeName === 'TABLE' && simpleTable(node); },
        replacement: function (content, node) {
          var rows = Array.prototype.filter.call(node.querySelectorAll('tr'), function (tr) { return tr.closest('table') === node; });
          if (!rows.length) { return content; }
          var lines = rows.map(function (tr) {
            return '| ' + Array.prototype.map.call(tr.children, cell).join(' | ') + ' |';
          });
          var width = rows[0].children.length;
          var rule = '|' + new Array(width + 1).join(' --- |');
          lines.splice(1, 0, rule);
          return '\n\n' + lines.join('\n') + '\n\n';
        }
      });
    }
    return turndown.turndown(html.replace(/<!--[\s\S]*?-->/g, '')).replace(/\n{3,}/g, '\n\n').trim();
  }
  var RICH = /<(h[1-6]|b|strong|em|i|a|ul|ol|li|blockquote|img|table|p|div|br)[\s>\/]|font-weight|font-style/i;

  if (body.setRangeText) {
    body.addEventListener('paste', function (event) {
      var data = event.clipboardData;
      if (!data) { return; }
      var images = [];
      if (window.fetch && window.FormData && pasteStatus) {
        Array.prototype.forEach.call(data.items || [], function (item) {
          if (item.kind === 'file' && /^image\//.test(item.type)) {
            var file = item.getAsFile();
            if (file) { images.push(file); }
          }
        });
        if (!images.length && data.files) {
          Array.prototype.forEach.call(data.files, function (file) { if (/^image\//.test(file.type)) { images.push(file); } });
        }
      }
      var html = data.getData ? data.getData('text/html') : '';
      if (html && RICH.test(html) && window.TurndownService) {
        var markdown = toMarkdown(html);
        if (markdown) {
          event.preventDefault();
          insertAtCursor(markdown);
          return; // the images of a rich paste are its <img> links, not files
        }
      }
      if (images.length) {
        event.preventDefault();
        images.forEach(uploadPasted);
      }
      // anything else (plain text): the browser's own paste
    });
  }
})();
