/* The spaced review: today's due questions, one at a time. Needs course.js.
   Generated from hooks/course/assets/js/ by `make js`: edit those files, not this one. */
(({ $, $$, t, make, button, confirmButton, liveRegion, enhance, skipLink, KEY, OLD_KEY, load, save, update, parse, today, attempt, toReview, quizScore, scoreText, caseFinished, quizFinished, optionId, isRight, sameSet, shuffled, setupQuestion, parts, DAYS, schedule, isDue, confidence, duration, moment, dayText, questionBank }) => {
// review.js: the spaced review (hooks/course/review.py says the schedule): the questions due today, one at a time,
// each with its full feedback and "how sure were you?", which decide when it comes back (store.js, schedule).
function setupReview(box) {
  const say = liveRegion(box);
  const session = $('.course-review-session', box);
  let bank, queue = [], n = 0, right = 0;
  questionBank(box.dataset.bank).then(found => {
    bank = found;
    begin();
  });

  function saved(d, q) {
    const r = d.questions[q.id];
    return r && r.v === q.v ? r : null;
  }

  // Today's questions, those due longest first, then the lowest box.
  function dueToday() {
    const d = load();
    const due = bank.questions.filter(q => isDue(saved(d, q)));
    return due.sort((a, b) => saved(d, a).due.localeCompare(saved(d, b).due) || saved(d, a).box - saved(d, b).box);
  }

  function begin() {
    queue = dueToday();
    n = right = 0;
    if (!queue.length) return session.replaceChildren(make('p', 'course-review-none', t('review_empty')), next());
    const start = button(t('review_start'), () => serve(), 'course-primary');
    session.replaceChildren(make('p', 'course-review-count', t('due', { n: queue.length })), start);
  }

  // When the next review falls, and how many it holds.
  function next() {
    const d = load();
    const days = bank.questions.map(q => saved(d, q)).filter(r => r && r.box).map(r => r.due).sort();
    return make('p', 'course-review-next', days.length ? t('due_next', { date: dayText(days[0]),
      count: t('questions_n', { n: days.filter(day => day === days[0]).length }) }) : '');
  }

  function serve() {
    const q = queue[n];
    const title = make('h2', 'course-review-title', t('review_of', { n: n + 1, total: queue.length }));
    const onward = button(t(n + 1 < queue.length ? 'review_next' : 'review_finish'), () => {
      n += 1;
      if (n < queue.length) serve();
      else done();
    }, 'course-primary');
    let first = true;
    title.tabIndex = -1;
    onward.hidden = true;
    const sure = confidence(value => {
      let r;
      update(d => { r = schedule(saved(d, q), x.right, value, true); });
      say(r.box ? t('back_on', { date: dayText(r.due) }) : r.prior.box ? t('learnt') : '');
    });
    session.replaceChildren(title, bank.render(q, t('review_of', { n: n + 1, total: queue.length })), onward);
    const x = setupQuestion($('.quiz-question', session), say, t('try_again'), change => {
      let record;
      update(d => {
        record = d.questions[q.id] = saved(d, q) || { v: q.v, chosen: [], checked: false };
        change(record);
      });
      return record;
    }, () => {
      update(d => schedule(saved(d, q), x.right));
      sure.set();
      if (first) right += x.right ? 1 : 0;
      first = false;
      onward.hidden = false;
      say(x.result.textContent);
    }, sure.box);
    title.focus();
  }

  function done() {
    const heading = make('h2', 'course-review-title', t('review_done', { right, n: queue.length }));
    heading.tabIndex = -1;
    session.replaceChildren(heading, next(), button(t('review_again'), begin));
    heading.focus();
    say(heading.textContent);
    if (window.nmwMarks) window.nmwMarks();
  }
}

parts.review = () => enhance('.course-review', setupReview);
parts.review();
})(window.nmwCourse);
