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
