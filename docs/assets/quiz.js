/* Quizzes: saved answers, option order, score and results, printing. Needs course.js.
   Generated from hooks/course/assets/js/ by `make js`: edit those files, not this one. */
(({ $, $$, t, make, button, confirmButton, liveRegion, enhance, skipLink, KEY, OLD_KEY, load, save, update, parse, today, attempt, toReview, quizScore, scoreText, caseFinished, quizFinished, optionId, isRight, sameSet, shuffled, setupQuestion, parts, DAYS, schedule, isDue, confidence, duration, moment, dayText, questionBank }) => {
// quiz.js: a quiz's questions, saved answers, option order, score, results, and printing for rounds.
function setupQuiz(quiz) {
  const id = quiz.dataset.quiz;
  const say = liveRegion(quiz);
  const score = make('p', 'quiz-score');
  const results = make('div');
  const questions = $$('.quiz-question', quiz).map(q => {
    const sure = confidence(value => rated(x, value));
    const x = setupQuestion(q, say, t('try_again'), change => {
      let record;
      update(d => {
        const old = d.questions[q.dataset.question];
        record = d.questions[q.dataset.question] = old && old.v === q.dataset.version ? old : { v: q.dataset.version, chosen: [], checked: false };
        change(record);
      });
      return record;
    }, checked, sure.box);
    x.sure = sure;
    return x;
  });
  quiz.appendChild(make('div', 'quiz-footer')).append(score, make('p', 'quiz-score-rule', t('score_rule')),
    results, confirmButton(t('reset_quiz'), reset, say),
    button(t('print_answers'), () => printAs('answers')), button(t('print_blank'), () => printAs('blank')));
  update(d => {
    arrange(d, false);
    for (const x of questions) {
      const saved = d.questions[x.id];
      if (saved && saved.v !== x.el.dataset.version) delete d.questions[x.id];
      else if (saved) {
        const chosen = saved.chosen.filter(c => x.options().some(o => optionId(o) === c));
        x.show(chosen, saved.checked && chosen.length > 0, saved);
        x.sure.set(saved.sure);
      }
    }
  });
  refresh();

  // Option order (when shuffled), and the question ids for the quiz's card.
  function arrange(d, fresh) {
    const saved = d.quizzes[id] || {};
    const order = {};
    for (const x of quiz.dataset.shuffle ? questions : []) {
      const ids = x.options().map(optionId);
      const kept = !fresh && saved.order && saved.order[x.id];
      if (x.el.dataset.type !== 'true-false') x.arrange(order[x.id] = kept && sameSet(kept, ids) ? kept : shuffled(ids));
    }
    d.quizzes[id] = { order, ids: questions.map(x => x.id) };
  }

  // A new round: answers and first tries go; misses stay until answered right on a later day.
  function reset() {
    update(d => {
      for (const x of questions) {
        const r = d.questions[x.id];
        if (r) Object.assign(r, { chosen: [], checked: false, right: false, first: undefined });
        x.show([], false, r);
      }
      arrange(d, true);
    });
    refresh();
    say(t('quiz_reset'));
    $('input', quiz).focus();
  }

  // A checked answer enters the review's schedule (leitner.js); how sure the student was then decides when it comes back.
  function checked(x) {
    update(d => schedule(d.questions[x.id], x.right));
    x.sure.set();
    say(`${x.result.textContent} ${refresh()}`);
  }

  function rated(x, value) {
    let r;
    update(d => { r = d.questions[x.id] && schedule(d.questions[x.id], x.right, value, true); });
    if (r) x.record = r;
    return r && r.box ? say(t('back_on', { date: dayText(r.due) })) : r && r.prior.box ? say(t('learnt')) : undefined;
  }

  function refresh() {
    const s = quizScore(questions.map(x => x.record), questions.length);
    const missed = questions.filter(x => x.record && x.record.first && !x.record.first.right);
    const list = make('ul');
    for (const x of missed) {
      const link = make('a', '', t('question_n', { n: questions.indexOf(x) + 1 }));
      link.href = '#' + x.el.id;
      list.appendChild(make('li')).append(link, t('labelled', { label: '', text: $('.quiz-stem', x.el).textContent.trim() }));
    }
    results.replaceChildren(...s.answered < s.n ? [] : [make('p', 'quiz-score', t(missed.length ? 'complete_missed' : 'complete_all')), list]);
    return (score.textContent = t('score', { score: scoreText(s) }));
  }
}

// Printing: with the student's answers and verdicts, or blank with an answer key (course.css, @media print).
function printAs(mode) {
  const root = document.documentElement;
  root.dataset.coursePrint = mode;
  $$('.quiz', document).forEach(answerKey);
  addEventListener('afterprint', () => delete root.dataset.coursePrint, { once: true });
  print();
}

// Each question's answer, in the order its options are shown, with its explanation.
function answerKey(quiz) {
  const list = make('ol');
  for (const q of $$('.quiz-question', quiz)) {
    const explanation = $('.quiz-explanation', q).cloneNode(true);
    $$('.quiz-explanation-title, .course-references', explanation).forEach(n => n.remove());
    const key = $$('.quiz-option', q).filter(isRight).map(o => $('.quiz-letter', o).textContent[0]).join(', ');
    list.appendChild(make('li')).append(make('strong', '', t('key_item', { key })), ...explanation.childNodes);
  }
  ($('.quiz-answer-key', quiz) || quiz.appendChild(make('section', 'quiz-answer-key'))).replaceChildren(make('h2', '', t('answer_key')), list);
}

parts.quiz = () => {
  enhance('.quiz', setupQuiz);
  skipLink();
};
parts.quiz();
})(window.nmwCourse);
