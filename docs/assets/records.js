/* The student's status on practice cards and indexes, continue reading on module pages. Needs course.js.
   Generated from hooks/course/assets/js/ by `make js`: edit those files, not this one. */
(({ $, $$, t, make, button, confirmButton, liveRegion, enhance, skipLink, KEY, OLD_KEY, load, save, update, parse, today, attempt, toReview, quizScore, scoreText, caseFinished, quizFinished, optionId, isRight, sameSet, shuffled, setupQuestion, parts, DAYS, schedule, isDue, confidence, duration, moment, dayText, questionBank }) => {
// status.js: a case's status in words, as cards, indexes and the Progress page say it: not started, in progress,
// or the ending reached and whether it is the best one.
function caseStatus(r, endings = []) {
  if (!r) return t('not_started');
  const last = r.path[r.path.length - 1];
  const end = r.ending;
  const verdict = end && t('ending_verdict', { title: end.title, verdict: t(end.best ? 'best_ending' : 'not_best_ending') });
  if (end && end.stage === last) return t('ending_reached', { ending: verdict });
  if (endings.includes(last)) return t('ending_reached_plain');
  return t('in_progress') + (end ? t('last_ending', { ending: verdict }) : '');
}

// cards.js: the student's status on each practice card of a module, and beside each quiz and case of the indexes.
// A card names its quiz (data-quiz) or case (data-case); an index item only links to it. A quiz's questions come
// from the card (data-questions) when the page gives them, else from the quiz's last visit. (caseStatus: status.js)
function setupCards() {
  const d = load();
  const items = $$('.course-card, .md-content h2[id^="quizzes-"] + ul > li, .md-content h2[id^="cases-"] + ul > li', document);
  for (const item of items) {
    const link = $('a', item);
    const [, kind, id] = (link && link.href.match(/\/(quizzes|cases)\/([^/#?]+)\.html/)) || [];
    if (!kind) continue;
    let text, done;
    if (kind === 'cases') {
      const r = d.cases[item.dataset.case || id];
      const end = r && r.ending;
      text = caseStatus(r);
      done = end && end.stage === r.path[r.path.length - 1] && (end.best || 'review');
    } else {
      const quiz = item.dataset.quiz || id;
      const ids = item.dataset.questions ? item.dataset.questions.split(' ') : (d.quizzes[quiz] || {}).ids;
      const s = ids && quizScore(ids.map(q => d.questions[q]), ids.length);
      text = s && s.answered ? scoreText(s) : t('not_started');
      done = s && s.answered === s.n;
    }
    const status = $('.course-status', item) || item.appendChild(make('span', 'course-status'));
    status.textContent = text;
    item.dataset.status = done === 'review' ? 'review' : done ? 'done' : text === t('not_started') ? 'new' : 'started';
  }
}

// reading.js: on a module's page, continue where the student left off, from what site.js saved (nmw-reading-v1).
const ROOT = new URL('..', document.currentScript.src);  // this part is assets/records.js

function setupReading() {
  const [, module] = location.pathname.match(/\/modules\/([^/.]+)\.html$/) || [];
  const box = $('.course-module', document);
  let saved;
  try { saved = JSON.parse(localStorage.getItem('nmw-reading-v1'))[module]; } catch (e) { /* nothing saved */ }
  const old = $('.course-continue', document);
  if (old) old.remove();
  if (!box || !saved || !saved.last || typeof saved.last.path !== 'string') return;
  const { last } = saved;
  const link = make('a', '', t('labelled', { label: last.page, text: last.heading }));
  link.href = new URL(last.path, ROOT).href + '#' + encodeURIComponent(last.section);
  box.prepend(make('p', 'course-continue', t('continue_reading')));
  box.firstChild.append(link);
  for (const item of $$('.course-module-pages li[data-page]', box)) {
    const heading = saved.pages && saved.pages[item.dataset.page.replace(/\.md$/, '.html')];
    const mark = $('.course-last-read', item) || item.appendChild(make('span', 'course-last-read'));
    mark.textContent = heading ? t('last_read', { heading }) : '';
  }
}

// records.js: the status on cards and indexes, and continue reading on a module's page.
parts.records = () => {
  setupCards();
  setupReading();
};
parts.records();
})(window.nmwCourse);
