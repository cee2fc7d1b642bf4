// cards.js: the student's status on each practice card of a module, and beside each quiz and case of the indexes.
// A card names its quiz (data-quiz) or case (data-case); an index item only links to it. A quiz's questions come
// from the card (data-questions) when the page gives them, else from the quiz's last visit.
// A case's status in words: not started, in progress, or the ending reached and whether it is the best one.
function caseStatus(r, endings = []) {
  if (!r) return 'Not started';
  const last = r.path[r.path.length - 1];
  const end = r.ending;
  const verdict = end && `${end.title} (${end.best ? 'the best ending' : 'not the best ending'})`;
  if (end && end.stage === last) return 'Ending reached: ' + verdict;
  if (endings.includes(last)) return 'Ending reached';
  return 'In progress' + (end ? '; last ending reached: ' + verdict : '');
}

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
      text = s && s.answered ? scoreText(s) : 'Not started';
      done = s && s.answered === s.n;
    }
    const status = $('.course-status', item) || item.appendChild(make('span', 'course-status'));
    status.textContent = text;
    item.dataset.status = done === 'review' ? 'review' : done ? 'done' : text === 'Not started' ? 'new' : 'started';
  }
}
