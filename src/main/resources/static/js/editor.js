/* The studio editor: a Markdown toolbar, a live word count, the browser copy offered back when it is newer than the
 * server's draft, and the cover picker's live card preview. Everything here is an aid: the form works without it. */
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
  var copy = read();
  var serverUpdated = Number(body.getAttribute('data-server-updated') || '0');
  var banner = document.querySelector('[data-restore]');
  var restoring = false;
  if (banner && copy && copy.body && copy.at > serverUpdated
      && (copy.body !== body.value || (title && copy.title !== title.value))) {
    restoring = true;
    banner.hidden = false;
    var when = banner.querySelector('[data-restore-time]');
    if (when) { when.textContent = new Date(copy.at).toLocaleString(); }
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
    });
  }
  // until the creator decides, the offered copy is not overwritten by what the server sent
  form.addEventListener('input', function () { if (!restoring) { keep(); } });

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
})();
