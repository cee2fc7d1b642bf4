// quiz.js: a quiz's questions, saved answers, option order, score and results.
function setupQuiz(quiz) {
  const say = liveRegion(quiz);
  const score = make('p', 'quiz-score');
  const results = make('div');
  const footer = quiz.appendChild(make('div', 'quiz-footer'));
  const questions = $$('.quiz-question', quiz).map(q => setupQuestion(q, say, 'Try again', (x, chosen, checked) => {
    update(d => {
      if (chosen.length) d.questions[x.id] = { v: x.version, chosen, checked, right: x.right };
      else delete d.questions[x.id];
    });
    const scoreText = refresh();
    if (checked) say(`${x.result.textContent} ${scoreText}`);
  }));
  footer.append(score, results, confirmButton('Reset quiz', reset, say));
  update(d => {
    arrange(d, false);
    for (const x of questions) {
      const saved = d.questions[x.id];
      if (saved && saved.v !== x.version) delete d.questions[x.id];
      else if (saved) {
        const chosen = saved.chosen.filter(id => x.options().some(o => optionId(o) === id));
        x.show(chosen, saved.checked && chosen.length > 0);
      }
    }
  });
  refresh();

  function arrange(d, fresh) {
    if (!quiz.dataset.shuffle) return;
    const saved = d.quizzes[quiz.dataset.quiz];
    const order = {};
    for (const x of questions) {
      const ids = x.options().map(optionId);
      const kept = !fresh && saved && saved.order[x.id];
      if (x.el.dataset.type !== 'true-false') x.arrange(order[x.id] = kept && sameSet(kept, ids) ? kept : shuffled(ids));
    }
    d.quizzes[quiz.dataset.quiz] = { order };
  }

  function reset() {
    update(d => {
      questions.forEach(x => delete d.questions[x.id]);
      arrange(d, true);
    });
    questions.forEach(x => x.show([], false));
    refresh();
    say('Quiz reset.');
    $('input', quiz).focus();
  }

  function refresh() {
    const done = questions.filter(x => x.checked).length;
    const missed = questions.filter(x => !x.right);
    const n = questions.length;
    const list = make('ul');
    for (const x of missed) {
      const link = make('a', '', `Question ${questions.indexOf(x) + 1}`);
      link.href = '#' + x.el.id;
      list.appendChild(make('li')).append(link, ': ' + $('.quiz-stem', x.el).textContent.trim());
    }
    results.replaceChildren(...done < n ? [] : [make('p', 'quiz-score', missed.length ? 'Quiz complete. Questions to review:' : 'Quiz complete: every answer correct.'), list]);
    return (score.textContent = `Score: ${n - missed.length} / ${n} (${done} of ${n} answered)`);
  }
}

