/* Completion marks in the navigation and the reviews due, on every page once progress is saved. Stands alone.
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

// schedule.js: the spaced review's schedule (review.py), for the parts where questions are answered and for marks.js.
// Leitner boxes 1 to 4 come back after 1, 3, 7 and 21 days. A miss or a guess goes to box 1; right and sure when
// due, up a box (past box 4 it leaves the queue); unsure, the same box again; right before it is due changes nothing. `prior` is the box before this check, so a rating given after the feedback
// (again = true) decides from the same place.
const DAYS = [1, 3, 7, 21];
function schedule(r, right, sure, again) {
  if (!again) {
    r.prior = { box: r.box || 0, due: r.due || '' };
    delete r.sure;
  }
  const { box, due } = r.prior || { box: 0, due: '' };
  let next = box;
  if (!right || sure === 'guessed') next = 1;
  else if (!box) next = sure === 'unsure' ? 1 : 0;
  else if (due <= today()) next = box + (sure === 'unsure' ? 0 : 1);
  if (sure) r.sure = sure;
  if (next < 1 || next > DAYS.length) {
    delete r.box;
    delete r.due;
  } else Object.assign(r, { box: next, due: next === box && due > today() && right ? due : today(DAYS[next - 1]) });
  return r;
}
const isDue = (r, day = today()) => !!(r && r.box && r.due <= day);

// marks.js: on every page, once progress is saved (site.js loads it then): a completion mark in the navigation
// beside each module, quiz and case finished (a tick and the word, for screen readers too), and the number of
// questions due for review today where a page asks for it ([due]). The course's outline (which questions and
// cases make each module, and their versions) comes with the words in assets/course/site-data.js.
const SITE_ROOT = new URL('..', document.currentScript.src);  // this script is assets/marks.js

function marks() {
  const site = window.nmwSite;
  if (!site) return;
  const d = load();
  const current = (r, v) => (r && r.v === v ? r : null);
  const url = href => new URL(href, SITE_ROOT).href.split('#')[0];
  const done = new Set();
  const asked = {};
  for (const module of site.outline.modules) {
    let all = module.quizzes.length + module.cases.length > 0;
    for (const quiz of module.quizzes) {
      Object.assign(asked, quiz.questions);
      const finished = quizFinished(Object.entries(quiz.questions).map(([id, v]) => current(d.questions[id], v)));
      if (finished) done.add(url(quiz.href));
      all = all && finished;
    }
    for (const c of module.cases) {
      const finished = caseFinished(current(d.cases[c.id], c.v));
      if (finished) done.add(url(c.href));
      all = all && finished;
    }
    if (all) done.add(url(module.href));
  }
  for (const a of $$('.md-nav--primary a.md-nav__link, .md-tabs__link, .course-nav a, .course-case-next a, .md-footer__link', document)) {
    const old = $('.course-done', a);
    if (old) old.remove();
    if (!done.has(a.href.split('#')[0])) continue;
    const mark = make('span', 'course-done');
    mark.append(make('span', 'course-done-tick', '\u2713'), make('span', 'course-done-text', ' ' + t('done_mark')));
    mark.firstChild.setAttribute('aria-hidden', 'true');
    ($('.md-ellipsis', a) || a).append(mark);
  }
  const due = Object.entries(asked).filter(([id, v]) => isDue(current(d.questions[id], v))).length;
  for (const line of $$('.course-due', document)) {
    line.textContent = due ? t('labelled', { label: t('due', { n: due }), text: '' }) : t('due_none');
    if (!due) continue;
    const link = line.appendChild(make('a', '', t('review_start')));
    link.href = url(site.outline.review);
  }
}

window.nmwMarks = marks;
marks();
})();
