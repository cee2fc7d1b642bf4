/* The study library: the review's schedule, the confidence rating, times and dates, the question bank. Needs course.js.
   Generated from hooks/course/assets/js/ by `make js`: edit those files, not this one. */
(({ $, $$, t, make, button, confirmButton, liveRegion, enhance, skipLink, KEY, OLD_KEY, load, save, update, parse, today, attempt, toReview, quizScore, scoreText, caseFinished, quizFinished, optionId, isRight, sameSet, shuffled, setupQuestion, parts }) => {
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

// confidence.js: "How sure were you?" after an answer: sure, unsure or guessed, which the schedule reads.
// pick(value) is called with the student's choice; set(value) shows a saved one.
function confidence(pick) {
  const box = make('p', 'quiz-confidence', t('how_sure') + ' ');
  const buttons = ['sure', 'unsure', 'guessed'].map(value => {
    const b = button(t(value), () => { set(value); pick(value); });
    b.value = value;
    return b;
  });
  const set = value => buttons.forEach(b => b.setAttribute('aria-pressed', b.value === value));
  box.append(...buttons);
  set();
  return { box, set };
}

// timing.js: a length of time as a student reads it ("4 min 12 s", "40 seconds"), a moment ("8 December 2026, 20:30")
// and a day ("9 December"), in the site's language.
function duration(ms) {
  const s = Math.round(ms / 1000);
  return s < 60 ? t('seconds', { n: s }) : t('minutes_seconds', { m: Math.floor(s / 60), s: s % 60 });
}
const moment = iso => new Date(iso).toLocaleString(document.documentElement.lang || undefined,
  { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const dayText = iso => new Date(iso + 'T12:00').toLocaleDateString(document.documentElement.lang || undefined, { day: 'numeric', month: 'long' });

// questionbank.js: the question bank (assets/course/bank.js, written by hooks/course/bank.py) for exam mode and the
// review: loaded once by a script tag, because fetch does not work from file://; a question made into elements with
// the page's own path to the site root and the label it needs ("Exam, question 3 of 20"); its correct options.
const ROOT_MARK = '%%COURSE_ROOT%%/';
const LABEL_MARK = '%%COURSE_QUESTION%%';

function questionBank(src) {
  const root = new URL('../../', new URL(src, location.href)).href;
  const render = (q, label) => {
    const tpl = document.createElement('template');
    tpl.innerHTML = q.html.split(ROOT_MARK).join(root).replace(LABEL_MARK, label);
    return tpl.content;
  };
  const loaded = window.nmwBank ? Promise.resolve() : new Promise((resolve, reject) => {
    document.head.append(Object.assign(document.createElement('script'), { src, onload: resolve, onerror: reject }));
  });
  return loaded.then(() => ({
    ...window.nmwBank,
    render,
    find: id => window.nmwBank.questions.find(q => q.id === id),
    correct: q => $$('.quiz-feedback[data-correct="true"]', render(q, '')).map(li => li.dataset.option),
  }));
}
Object.assign(window.nmwCourse, { DAYS, schedule, isDue, confidence, duration, moment, dayText, questionBank });
})(window.nmwCourse);
