// dom.js: element helpers, buttons, and the live region that announces results.
const $ = (sel, root) => root.querySelector(sel);
const $$ = (sel, root) => [...root.querySelectorAll(sel)];

function make(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text != null) node.textContent = text;
  return node;
}

function button(text, action, cls = '') {
  const b = make('button', 'course-button ' + cls, text);
  b.type = 'button';
  b.onclick = action;
  return b;
}

// A second press confirms.
function confirmButton(text, action, say) {
  const b = button(text, () => {
    if (b.dataset.confirm) return undo(), action();
    b.dataset.confirm = 1;
    say(b.textContent = 'Press again to confirm: ' + text.toLowerCase());
  });
  const undo = () => { delete b.dataset.confirm; b.textContent = text; };
  b.onblur = undo;
  return b;
}

function liveRegion(host, cls = 'course-sr') {
  const live = make('p', cls);
  live.setAttribute('aria-live', 'polite');
  host.prepend(live);
  return text => { live.textContent = ''; setTimeout(() => { live.textContent = text; }, 50); };
}


// Enhance each element of the page that matches, once; one that fails leaves the others working.
function enhance(selector, setup) {
  for (const node of document.querySelectorAll(selector + ':not([data-ready])')) {
    node.dataset.ready = 'true';
    try { setup(node); } catch (e) { setTimeout(() => { throw e; }); }
  }
}

// A skip link past the header and navigation, to the first question still to answer (WCAG 2.4.1).
function skipLink() {
  const old = $('.course-skip', document);
  if (old) old.remove();
  const host = $('.quiz, .case', document);
  const skip = $('.md-skip', document);
  if (!host || !skip) return;
  const link = make('a', 'md-skip course-skip', host.matches('.quiz') ? 'Skip to the questions' : 'Skip to the case');
  link.href = '#' + host.id;
  link.onclick = event => {
    const target = $$('.quiz-question input:not(:disabled)', document).find(input => input.offsetParent) || host;
    event.preventDefault();
    if (target === host) host.tabIndex = -1;
    target.focus();
  };
  skip.after(link);
}
