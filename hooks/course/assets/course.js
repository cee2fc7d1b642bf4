/* The course's shared core: page helpers, saved progress, one question. Parts: docs/assets/quiz.js, case.js, records.js...
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

// store.js: saved progress (format in README.md); a record that is not as saved is dropped on reading.
const KEY = 'nmw-course-v2';
const OLD_KEY = 'nmw-course-v1';
const isObj = x => !!x && typeof x === 'object' && !Array.isArray(x);
const isList = x => Array.isArray(x) && x.every(s => typeof s === 'string');
const all = (x, test) => isObj(x) && Object.values(x).every(test);
const tried = r => !r.first || isList(r.first.chosen);
const boxed = r => r.box == null || (Number.isInteger(r.box) && typeof r.due === 'string');
const VALID = {
  questions: r => typeof r.v === 'string' && isList(r.chosen) && tried(r) && boxed(r),
  quizzes: r => !r.order || all(r.order, isList),
  cases: r => typeof r.v === 'string' && isList(r.path) && all(r.choices, isList) && all(r.decisions || {}, d => isObj(d) && tried(d)),
  exams: r => typeof r.at === 'string' && Array.isArray(r.items) && r.items.every(i => isObj(i) && typeof i.id === 'string'),
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

// A local date, YYYY-MM-DD, `days` from today: a student's day ends at their own midnight.
function today(days = 0) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 10);
}

// A checked answer: the round's first try is kept, and today is noted as a day missed or solved.
function attempt(r, chosen, right) {
  r.first = r.first || { chosen, right };
  r[right ? 'solved' : 'missed'] = today();
  r.at = new Date().toISOString();
}


const toReview = r => !!(r && r.missed && !(r.solved > r.missed));

// The one score of a quiz, on its page, its card and the Progress page.
function quizScore(records, n) {
  const tried = records.filter(r => r && r.first);
  return { n, answered: tried.length, right: tried.filter(r => r.first.right === true).length };
}
const scoreText = s => t('score_text', s);

// Finished: a quiz when every question has a first try; a case when the ending it shows is the one reached.
const caseFinished = r => !!(r && r.ending && r.ending.stage === r.path[r.path.length - 1]);
const quizFinished = records => records.length > 0 && records.every(r => r && r.first);

// question.js: a quiz question or case decision: options with their feedback, check, retry, and its history.
const optionId = o => o.dataset.option;
const isRight = o => o.dataset.correct === 'true';
const sameSet = (a, b) => a.length === b.length && a.every(x => b.includes(x));

// keep(change) changes the saved record and returns it; done(question) follows a check; `after`, if given, is shown
// after the result while the question is checked (the confidence rating of leitner.js).
function setupQuestion(q, say, retryText, keep, done, after) {
  const fieldset = $('fieldset', q);
  const details = $('.quiz-answer', q);
  const explanation = $('.quiz-explanation', details);
  const options = () => $$('.quiz-option', fieldset);
  const chosenIn = list => list.filter(o => o.firstChild.checked).map(optionId);
  const correct = () => options().filter(isRight).map(optionId);
  const letters = ids => options().filter(o => ids.includes(optionId(o))).map(o => $('.quiz-letter', o).textContent[0]).join(', ');
  const result = make('p', 'quiz-result');
  const past = make('p', 'quiz-history');
  const check = button(t('check'), onCheck, 'course-primary');
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
    $('legend', fieldset).after(make('p', 'quiz-rule', t('rule_multiple')));
  }
  result.tabIndex = -1;
  details.replaceWith(past, result, ...(after ? [after] : []), explanation, check, retry);
  fieldset.onchange = () => {
    result.hidden = true;
    keep(r => { r.chosen = chosenIn(options()); });
  };
  show([], false);
  return question;

  function verdict(chosen) {
    const want = correct();
    const found = want.filter(id => chosen.includes(id)).length;
    let text = sameSet(chosen, want) ? t('result_correct') : t('result_incorrect', { answer: letters(want) });
    if (q.dataset.type === 'multiple') {
      text += t('result_multiple', { found, want: want.length, missed: want.length - found, wrong: chosen.length - found });
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
      $('.quiz-mark', o).textContent = t(pick ? (isRight(o) ? 'choice_correct' : 'choice_incorrect') : isRight(o) ? 'correct_answer' : 'incorrect');
    }
    Object.assign(question, { checked, right, record: r });
    result.hidden = explanation.hidden = retry.hidden = !checked;
    if (after) after.hidden = !checked;
    check.hidden = checked;
    result.className = 'quiz-result is-' + (right ? 'right' : 'wrong');
    result.textContent = verdict(chosen);
    const first = r && r.first;
    past.textContent = (first && !(checked && sameSet(first.chosen, chosen))
      ? t('first_try', { verdict: t(first.right ? 'right' : 'wrong'), letters: letters(first.chosen) })
        + (checked ? t('later', { verdict: t(right ? 'right' : 'wrong') }) : '') + '. ' : '')
      + (toReview(r) ? t('in_review') : '');
    past.hidden = !past.textContent;
  }

  // Focus goes to the feedback on the student's own choice; done() announces the verdict.
  function onCheck() {
    const chosen = chosenIn(options());
    if (!chosen.length) {
      result.className = 'quiz-result';
      result.hidden = false;
      return say(result.textContent = t('choose_first'));
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
window.nmwCourse = window.nmwCourse || { $, $$, t, make, button, confirmButton, liveRegion, enhance, skipLink, KEY, OLD_KEY, load, save, update, parse, today, attempt, toReview, quizScore, scoreText, caseFinished, quizFinished, optionId, isRight, sameSet, shuffled, setupQuestion, parts };
})();
