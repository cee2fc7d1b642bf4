/* The bedside calculators: EGRIS, mEGOS, the MRC sum score. Stands alone.
   Generated from hooks/course/assets/js/ by `make js`: edit those files, not this one. */
(() => {
// helpers.js: finding and making elements, and the interface's words.
const $ = (sel, root) => root.querySelector(sel);
const $$ = (sel, root) => [...root.querySelectorAll(sel)];

// The interface's words in the site's language (hooks/course/strings/, shipped in assets/course/site-data.js).
const t = (key, values) => (window.nmwSite ? nmwSite.t(key, values) : key);

function make(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text != null) node.textContent = text;
  return node;
}

// dom.js: buttons, the live region that announces results, enhancing a page once, the skip link.
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
    say(b.textContent = t('confirm', { action: text.toLowerCase() }));
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
  const link = make('a', 'md-skip course-skip', t(host.matches('.quiz') ? 'skip_questions' : 'skip_case'));
  link.href = '#' + host.id;
  link.onclick = event => {
    const target = $$('.quiz-question input:not(:disabled)', document).find(input => input.offsetParent) || host;
    event.preventDefault();
    if (target === host) host.tabIndex = -1;
    target.focus();
  };
  skip.after(link);
}

// calc.js: the bedside calculators (hooks/course/tools/calculators.py writes each item with its points): the points
// of each item, the total, and what it predicts, as the student fills them in. A score with variants (mEGOS at
// admission or at day 7) shows the points of the variant chosen.
function setupCalc(form) {
  const total = $('.course-calc-total output', form);
  const maxima = $('.course-calc-total', form).dataset.max.split(' ').map(Number);
  const verdicts = $$('.course-calc-verdicts li', form);
  const variant = () => +(($('.course-calc-variant input:checked', form) || {}).value || 0);
  // one number of points per variant, or one for all
  const pick = (list, v) => +(list[v] !== undefined ? list[v] : list[0]);
  const points = (text, v) => pick(text.split(' '), v);
  form.addEventListener('submit', event => event.preventDefault());
  form.addEventListener('input', compute);
  form.addEventListener('change', compute);
  compute();

  // An item's points, or null while it is not filled in (or a number is out of range).
  function got(item, v) {
    const radio = $('input[type="radio"]:checked', item);
    if (radio) return +points(radio.dataset.points, v);
    const select = $('select', item);
    if (select) return select.value === '' ? null : +select.value;
    const input = $('input[type="number"]', item);
    if (!input || input.value === '' || !input.checkValidity()) return null;
    for (const band of input.dataset.bands.split(' ')) {
      const [range, each] = band.split(':');
      const [low, high] = range.split('-').map(Number);
      if (+input.value >= low && +input.value <= high) return pick(each.split(','), v);
    }
    return null;
  }

  function compute() {
    const v = variant();
    const max = maxima[v] !== undefined ? maxima[v] : maxima[0];
    let sum = 0, missing = 0;
    for (const item of $$('.course-calc-item', form)) {
      for (const radio of $$('input[type="radio"]', item)) {
        $('.course-calc-points', radio.parentNode).textContent = `(${t('calc_got', { n: +points(radio.dataset.points, v) })})`;
      }
      const input = $('input[type="number"]', item);
      if (input) {
        $('.course-calc-points', item).textContent = '(' + input.dataset.bands.split(' ').map(band => {
          const [range, each] = band.split(':');
          const [low, high] = range.split('-');
          return `${high}\u2013${low}: ${pick(each.split(','), v)}`;
        }).sort((a, b) => parseInt(b) - parseInt(a)).join('; ') + ')';
      }
      const n = got(item, v);
      const out = $('.course-calc-got', item);
      if (out) out.textContent = n === null ? '' : '= ' + t('calc_got', { n });
      if (n === null) missing += 1;
      else sum += n;
    }
    const verdict = !missing && verdicts.find(li => sum >= +li.dataset.low && sum <= +li.dataset.high);
    verdicts.forEach(li => li.toggleAttribute('aria-current', li === verdict));
    form.dataset.level = verdict ? verdict.dataset.level : '';
    total.textContent = missing ? t('calc_total_partial', { total: sum, max, missing })
      : t('calc_total', { total: sum, max }) + (verdict ? ' ' + verdict.textContent : '');
  }
}

enhance('.course-calc', setupCalc);
window.nmwCalc = () => enhance('.course-calc', setupCalc);
})();
