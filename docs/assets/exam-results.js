/* Exam mode's results, loaded by exam.js when they are shown. Needs course.js and study.js.
   Generated from hooks/course/assets/js/ by `make js`: edit those files, not this one. */
(({ $, $$, t, make, button, confirmButton, liveRegion, enhance, skipLink, KEY, OLD_KEY, load, save, update, parse, today, attempt, toReview, quizScore, scoreText, caseFinished, quizFinished, optionId, isRight, sameSet, shuffled, setupQuestion, parts, DAYS, schedule, isDue, confidence, duration, moment, dayText, questionBank }) => {
// exam-results.js: an exam's results (exam.js loads it when the exam ends, or when its results are asked for from
// the Progress page): the score, right answers by module and by topic, the time, and every question with its full
// feedback, as on the quiz page.
parts.examResults = ({ view, bank, say, key, exam: done }) => {
  const byId = qid => bank.find(qid);
  const items = done.items.filter(it => byId(it.id));
  const right = items.filter(it => it.right).length;
  const heading = make('h2', 'exam-title', t('results_title'));
  const list = make('ol', 'exam-review');
  heading.tabIndex = -1;
  view.replaceChildren(heading,
    make('p', 'exam-score', t('results_score', { right, n: items.length, percent: Math.round((100 * right) / (items.length || 1)) })),
    make('p', '', t('results_time', { time: duration(done.ms), average: duration(done.ms / (items.length || 1)) })),
    make('h3', '', t('results_by_module')), table(items, it => [byId(it.id).module], bank.modules),
    make('h3', '', t('results_by_tag')), table(items, it => byId(it.id).tags, bank.tags),
    make('h3', '', t('results_questions')), list,
    make('p', '', t(load().exams[key] ? 'results_saved' : 'results_missing')));
  items.forEach((it, n) => {
    const li = list.appendChild(make('li'));
    li.append(make('p', 'exam-verdict', t('results_item', { n: n + 1,
      verdict: it.chosen.length ? t(it.right ? 'right' : 'wrong') : t('results_unanswered'), time: duration(it.ms) })
      + (it.flag ? t('results_flagged') : '') + (it.sure ? t('results_sure', { confidence: t(it.sure).toLowerCase() }) : '')),
      bank.render(byId(it.id), t('question_n', { n: n + 1 })));
    const x = setupQuestion($('.quiz-question', li), say, '', change => change({}), () => {});
    x.show(it.chosen, true);
    if (!it.chosen.length) x.result.textContent = t('results_not_answered', { answer: bank.correct(byId(it.id)).map(id => $(`[data-option="${id}"] .quiz-letter`, li).textContent[0]).join(', ') });
  });
  view.append(button(t('new_exam'), () => { location.hash = ''; location.reload(); }, 'course-primary'));
  heading.focus();
};

// Right answers by module or by topic, with a bar each.
function table(items, groups, names) {
  const count = {};
  for (const it of items) for (const g of groups(it)) (count[g] = count[g] || [0, 0])[it.right ? 0 : 1]++;
  const body = make('tbody');
  for (const g of Object.keys(names).filter(g => count[g])) {
    const [ok, wrong] = count[g];
    const row = body.appendChild(make('tr'));
    const bar = make('span', 'progress-bar');
    bar.appendChild(make('span')).style.width = (100 * ok) / (ok + wrong) + '%';
    bar.setAttribute('aria-hidden', 'true');
    row.append(make('th', '', names[g]), make('td', '', t('of', { n: ok, total: ok + wrong })));
    row.firstChild.scope = 'row';
    row.lastChild.append(bar);
  }
  const out = make('table', 'exam-table');
  out.append(body);
  return out;
}
})(window.nmwCourse);
