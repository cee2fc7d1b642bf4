// init.js: enhance every quiz, case and progress table on the page, once.
function init() {
  for (const [selector, setup] of [['.quiz', setupQuiz], ['.case', setupCase], ['.course-progress', setupProgress]]) {
    for (const node of document.querySelectorAll(selector + ':not([data-ready])')) {
      node.dataset.ready = 'true';
      try { setup(node); } catch (e) { setTimeout(() => { throw e; }); }
    }
  }
}

// Instant navigation re-runs this script, then emits document$ (never on file://).
if (document.readyState === 'loading') addEventListener('DOMContentLoaded', init);
else init();
if (window.document$ && !window.nmwCourse) {
  window.nmwCourse = true;
  window.document$.subscribe(init);
}