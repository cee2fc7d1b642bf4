/* The course's shared core: page helpers, saved progress, one question. Parts: docs/assets/quiz.js, case.js, records.js.
   Generated from hooks/course/assets/js/ by `make js`: edit those files, not this one. */
(() => {
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

// store.js: saved progress (format in README.md); a record that is not as saved is dropped on reading.
const KEY = 'nmw-course-v2';
const OLD_KEY = 'nmw-course-v1';
const isObj = x => !!x && typeof x === 'object' && !Array.isArray(x);
const isList = x => Array.isArray(x) && x.every(s => typeof s === 'string');
const all = (x, test) => isObj(x) && Object.values(x).every(test);
const tried = r => !r.first || isList(r.first.chosen);
const VALID = {
  questions: r => typeof r.v === 'string' && isList(r.chosen) && tried(r),
  quizzes: r => !r.order || all(r.order, isList),
  cases: r => typeof r.v === 'string' && isList(r.path) && all(r.choices, isList) && all(r.decisions || {}, d => isObj(d) && tried(d)),
};

function clean(data) {
  const out = { version: 2 };
  for (const part in VALID) {
    const section = isObj(data) && isObj(data[part]) ? data[part] : {};
    out[part] = {};
    for (const id in section) if (isObj(section[id]) && VALID[part](section[id])) out[part][id] = section[id];
  }
  return out;
}

// Format 1 (no version) is migrated: a checked answer becomes the first try.
function parse(text) {
  const data = JSON.parse(text);
  if (!Object.keys(VALID).some(part => isObj(data[part]))) throw Error();
  const out = clean(data);
  if (data.version !== 2) for (const r of Object.values(out.questions)) if (r.checked) attempt(r, r.chosen, !!r.right);
  return out;
}

// Storage may throw (file://, private mode): the page then works unsaved.
function load() {
  try {
    const saved = localStorage.getItem(KEY);
    const data = saved ? clean(JSON.parse(saved)) : parse(localStorage.getItem(OLD_KEY));
    if (!saved) save(data);
    return data;
  } catch (e) {
    return clean();
  }
}
function save(data) {
  try { localStorage.setItem(KEY, JSON.stringify(data)); } catch (e) { /* unsaved */ }
}
function update(change) {
  const data = load();
  change(data);
  save(data);
}

// A checked answer: the round's first try is kept, and today is noted as a day missed or solved.
function attempt(r, chosen, right) {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  r.first = r.first || { chosen, right };
  r[right ? 'solved' : 'missed'] = now.toISOString().slice(0, 10);
}

const toReview = r => !!(r && r.missed && !(r.solved > r.missed));

// The one score of a quiz, on its page, its card and the Progress page.
function quizScore(records, n) {
  const tried = records.filter(r => r && r.first);
  return { n, answered: tried.length, right: tried.filter(r => r.first.right === true).length };
}
const scoreText = s => `${s.right} / ${s.n} right at first try (${s.answered} of ${s.n} answered)`;

// question.js: a quiz question or case decision: options with their feedback, check, retry, and its history.
const optionId = o => o.dataset.option;
const isRight = o => o.dataset.correct === 'true';
const sameSet = (a, b) => a.length === b.length && a.every(x => b.includes(x));

// keep(change) changes the saved record and returns it; done(question) follows a check.
function setupQuestion(q, say, retryText, keep, done) {
  const fieldset = $('fieldset', q);
  const details = $('.quiz-answer', q);
  const explanation = $('.quiz-explanation', details);
  const options = () => $$('.quiz-option', fieldset);
  const chosenIn = list => list.filter(o => o.firstChild.checked).map(optionId);
  const correct = () => options().filter(isRight).map(optionId);
  const letters = ids => options().filter(o => ids.includes(optionId(o))).map(o => $('.quiz-letter', o).textContent[0]).join(', ');
  const result = make('p', 'quiz-result');
  const past = make('p', 'quiz-history');
  const check = button('Check answer', onCheck, 'course-primary');
  const retry = button(retryText, () => {
    show([], false, keep(r => Object.assign(r, { chosen: [], checked: false })));
    $('input', fieldset).focus();
  });
  const question = { id: q.dataset.question, el: q, result, options, show, arrange };
  for (const o of options()) {
    const item = $(`.quiz-feedback[data-option="${optionId(o)}"]`, details);
    const box = o.appendChild(make('div', 'quiz-option-feedback'));
    o.dataset.correct = item.dataset.correct;
    $$('.quiz-verdict, .case-route', item).forEach(n => n.remove());
    box.tabIndex = -1;
    box.append(make('strong', 'quiz-mark'), ...item.childNodes);
  }
  if (q.dataset.type === 'multiple') {
    $('legend', fieldset).after(make('p', 'quiz-rule', 'Scored all or nothing: right only when you choose every correct option and no other.'));
  }
  result.tabIndex = -1;
  details.replaceWith(past, result, explanation, check, retry);
  fieldset.onchange = () => {
    result.hidden = true;
    keep(r => { r.chosen = chosenIn(options()); });
  };
  show([], false);
  return question;

  function verdict(chosen) {
    const want = correct();
    const found = want.filter(id => chosen.includes(id)).length;
    let text = sameSet(chosen, want) ? 'Correct.' : `Incorrect. The answer is ${letters(want)}.`;
    if (q.dataset.type === 'multiple') {
      text += ` You chose ${found} of ${want.length} correct options (${want.length - found} missed) and ${chosen.length - found} incorrect.`;
    }
    return text;
  }

  function show(chosen, checked, r = question.record) {
    const right = checked && sameSet(chosen, correct());
    for (const o of options()) {
      const pick = chosen.includes(optionId(o));
      o.firstChild.checked = pick;
      o.firstChild.disabled = checked;
      o.classList.toggle('is-chosen', checked && pick);
      o.classList.toggle('is-right', checked && isRight(o));
      o.classList.toggle('is-wrong', checked && !isRight(o));
      o.lastChild.hidden = !checked;
      $('.quiz-mark', o).textContent = pick ? `Your choice: ${isRight(o) ? 'correct' : 'incorrect'}.` : isRight(o) ? 'Correct answer.' : 'Incorrect.';
    }
    Object.assign(question, { checked, right, record: r });
    result.hidden = explanation.hidden = retry.hidden = !checked;
    check.hidden = checked;
    result.className = 'quiz-result is-' + (right ? 'right' : 'wrong');
    result.textContent = verdict(chosen);
    const first = r && r.first;
    past.textContent = (first && !(checked && sameSet(first.chosen, chosen))
      ? `First try: ${first.right ? 'right' : 'wrong'} (${letters(first.chosen)})${checked ? `; later: ${right ? 'right' : 'wrong'}` : ''}. ` : '')
      + (toReview(r) ? 'In Review my misses until you answer it right on a later day.' : '');
    past.hidden = !past.textContent;
  }

  // Focus goes to the feedback on the student's own choice; done() announces the verdict.
  function onCheck() {
    const chosen = chosenIn(options());
    if (!chosen.length) {
      result.className = 'quiz-result';
      result.hidden = false;
      return say(result.textContent = 'Choose an answer first.');
    }
    const right = sameSet(chosen, correct());
    show(chosen, true, keep(r => attempt(Object.assign(r, { chosen, checked: true, right }), chosen, right)));
    done(question);
    const feedback = options().find(o => chosen.includes(optionId(o))).lastChild;
    feedback.focus({ preventScroll: true });
    feedback.scrollIntoView({ block: 'center' });
  }

  function arrange(ids) {
    for (const id of ids) fieldset.append(options().find(o => optionId(o) === id));
    options().forEach((o, i) => { $('.quiz-letter', o).textContent = 'ABCDEFGH'[i] + '.'; });
  }
}

function shuffled(ids) {
  let out;
  do out = ids.map(id => [Math.random(), id]).sort((a, b) => a[0] - b[0]).map(pair => pair[1]);
  while (ids.length > 1 && out.join() === ids.join());
  return out;
}
const parts = {};
window.nmwCourse = window.nmwCourse || { $, $$, make, button, confirmButton, liveRegion, enhance, skipLink, KEY, OLD_KEY, load, save, update, parse, attempt, toReview, quizScore, scoreText, optionId, isRight, sameSet, shuffled, setupQuestion, parts };
})();
