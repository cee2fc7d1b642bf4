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
