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
