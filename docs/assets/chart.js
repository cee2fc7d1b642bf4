/* The breathing chart: serial VC, MIP and MEP with the 20/30/40 lines. Stands alone.
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

// chart.js: the breathing chart (hooks/course/tools/chart.py): serial VC, MIP and MEP drawn as inline SVG with the
// 20/30/40 lines, revealed one measurement at a time (or entered by the student), with what the trend shows in words:
// each value past its line, and each fall of more than 30% from the first measurement (Lawn 2001).
const SVG = 'http://www.w3.org/2000/svg';
const MEASURES = ['VC', 'MIP', 'MEP'];
const SHAPES = { VC: 'circle', MIP: 'rect', MEP: 'polygon' };
const name = m => t('measure_' + m.toLowerCase());  // VC, MIP, MEP in the site's language

function setupChart(fig) {
  const lines = Object.fromEntries(fig.dataset.lines.split(' ').map(pair => pair.split(':')).map(([k, v]) => [k, +v]));
  const body = $('tbody', fig);
  const rows = () => $$('tr', body);
  const value = (row, m) => +row.cells[MEASURES.indexOf(m) + 1].textContent;
  const say = make('p', 'course-chart-now');
  const svg = document.createElementNS(SVG, 'svg');
  const controls = make('p', 'course-chart-controls');
  const next = button(t('chart_next'), () => reveal(shown + 1));
  const all = button(t('chart_all'), () => reveal(rows().length));
  const add = make('form', 'course-chart-add');
  let shown = Math.min(1, rows().length);
  say.setAttribute('aria-live', 'polite');
  svg.setAttribute('viewBox', '0 0 360 200');
  svg.setAttribute('role', 'img');
  svg.classList.add('course-chart-svg');
  controls.append(next, all);
  for (const [key, label] of [['when', t('chart_label')], ...MEASURES.map(m => [m, name(m)])]) {
    const field = add.appendChild(make('label', '', label + ' '));
    const input = field.appendChild(make('input'));
    input.name = key;
    input.required = true;
    if (key !== 'when') Object.assign(input, { type: 'number', min: -200, max: 200, step: 'any', inputMode: 'decimal' });
    else input.size = 8;
  }
  add.append(button(t('chart_add'), () => {}));
  add.lastChild.type = 'submit';
  add.onsubmit = event => {
    event.preventDefault();
    const row = body.appendChild(make('tr'));
    row.append(make('th', '', add.when.value), ...MEASURES.map(m => make('td', '', String(Math.abs(+add[m].value)))));
    row.firstChild.scope = 'row';
    add.reset();
    reveal(rows().length);
  };
  $('figcaption', fig).after(svg, say, controls, add);
  reveal(shown, true);

  function reveal(n, quiet) {
    shown = Math.min(n, rows().length);
    rows().forEach((row, i) => { row.hidden = i >= shown; });
    next.hidden = all.hidden = shown >= rows().length;
    draw();
    if (!quiet || shown) say.textContent = words();
  }

  // What a student should read from the measurements shown: the last values, each line crossed, each fall > 30%.
  function words() {
    if (!shown) return '';
    const seen = rows().slice(0, shown);
    const last = seen[shown - 1];
    const text = t('chart_shown', { when: last.cells[0].textContent, vc: value(last, 'VC'), mip: value(last, 'MIP'), mep: value(last, 'MEP') });
    const warnings = [];
    for (const m of MEASURES) {
      const first = value(seen[0], m), now = value(last, m);
      if (now < lines[m]) warnings.push(t('chart_below', { what: name(m), line: lines[m] }));
      const fall = Math.round((100 * (first - now)) / first);
      if (fall > 30) warnings.push(t('chart_fall', { what: name(m), percent: fall, first }));
    }
    return text + ' ' + (warnings.length ? t('chart_warning', { details: warnings.join(' ') }) : t('chart_steady'));
  }

  function draw() {
    const seen = rows().slice(0, shown);
    const count = Math.max(rows().length, 2);
    const top = Math.max(60, ...seen.flatMap(row => MEASURES.map(m => value(row, m)))) * 1.1;
    const x = i => 40 + (i * 250) / (count - 1);
    const y = v => 180 - (v * 165) / top;
    const parts = [];
    const el = (name, attrs, text) => {
      const node = document.createElementNS(SVG, name);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
      if (text != null) node.textContent = text;
      parts.push(node);
      return node;
    };
    for (let v = 0; v <= top; v += 10) {
      el('line', { x1: 40, x2: 290, y1: y(v), y2: y(v), class: 'course-chart-grid' });
      el('text', { x: 34, y: y(v) + 3, class: 'course-chart-axis', 'text-anchor': 'end' }, v);
    }
    for (const m of MEASURES) {
      el('line', { x1: 40, x2: 290, y1: y(lines[m]), y2: y(lines[m]), class: `course-chart-line course-chart-${m.toLowerCase()}` });
      el('text', { x: 294, y: y(lines[m]) + 3, class: `course-chart-label course-chart-${m.toLowerCase()}` }, `${name(m)} ${lines[m]}`);
    }
    rows().forEach((row, i) => el('text', { x: x(i), y: 196, class: 'course-chart-axis', 'text-anchor': 'middle' }, i < shown ? row.cells[0].textContent : ''));
    for (const m of MEASURES) {
      const points = seen.map((row, i) => [x(i), y(value(row, m))]);
      if (points.length > 1) el('polyline', { points: points.join(' '), class: `course-chart-series course-chart-${m.toLowerCase()}` });
      for (const [px, py] of points) {
        const shape = SHAPES[m];
        el(shape, shape === 'circle' ? { cx: px, cy: py, r: 3.5 } : shape === 'rect' ? { x: px - 3, y: py - 3, width: 6, height: 6 }
          : { points: `${px},${py - 4} ${px + 4},${py + 3} ${px - 4},${py + 3}` }).setAttribute('class', `course-chart-mark course-chart-${m.toLowerCase()}`);
      }
      if (points.length) {
        const [px, py] = points[points.length - 1];
        el('text', { x: px + 6, y: py - 5, class: `course-chart-name course-chart-${m.toLowerCase()}` }, name(m));
      }
    }
    svg.replaceChildren(...parts);
    svg.setAttribute('aria-label', `${$('figcaption', fig).textContent}. ` + MEASURES.map(m =>
      t('chart_summary', { what: name(m), values: seen.map(row => value(row, m)).join(', ') })).join('; '));
  }
}

enhance('.course-chart', setupChart);
window.nmwChart = () => enhance('.course-chart', setupChart);
})();
