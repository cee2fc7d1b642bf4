/* site.js: reading aids on every page, and the loader of the course's parts where a page needs them
   (hooks/course/assets/js/README.md). start() runs for each page shown, also after instant navigation. */
(() => {
  const ROOT = new URL('..', document.currentScript.src);  // this file is assets/site.js
  const READING = 'nmw-reading-v1';
  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];
  const make = (tag, cls, text) => Object.assign(document.createElement(tag), { className: cls, textContent: text || '' });
  const loading = {};
  let page = { headings: [] };

  function script(path) {
    return (loading[path] = loading[path] || new Promise((resolve, reject) => {
      document.head.append(Object.assign(document.createElement('script'), { src: new URL(path, ROOT), onload: resolve, onerror: reject }));
    }));
  }
  function style(path) {
    const href = new URL(path, ROOT).href;
    if (!$$('link[rel="stylesheet"]').some(link => link.href === href)) {
      document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href }));
    }
  }

  // The course's parts, after its core (the hook has added the core to quiz, case and progress pages).
  const PARTS = {
    quiz: '.quiz',
    case: '.case',
    records: '.course-progress, .course-module, .course-card, h2[id^="quizzes-"] + ul, h2[id^="cases-"] + ul',
  };
  async function course() {
    const wanted = Object.keys(PARTS).filter(name => $(PARTS[name]));
    if (!wanted.length) return;
    style('assets/course/course.css');
    if (!window.nmwCourse) await script('assets/course/course.js');
    for (const name of wanted) {
      const start = window.nmwCourse.parts[name];
      if (start) start();
      else await script(`assets/${name}.js`);
    }
  }

  // The first use of each abbreviation takes keyboard focus and is expanded in print; a tap on any use
  // focuses it, and the theme shows its tooltip on focus as on hover.
  function abbreviations() {
    const seen = new Set();
    for (const abbr of $$('.md-content abbr[title]')) {
      if (seen.has(abbr.textContent)) continue;
      seen.add(abbr.textContent);
      abbr.tabIndex = 0;
      abbr.dataset.expansion = abbr.title;
    }
  }
  addEventListener('click', event => {
    const abbr = event.target.closest && event.target.closest('.md-content abbr');
    if (!abbr) return;
    if (!abbr.hasAttribute('tabindex')) abbr.tabIndex = -1;
    abbr.focus();
  });

  // A table wider than its box scrolls inside it: it says so, keeps its first column in view (site.css)
  // and takes keyboard focus so it can be scrolled with the arrow keys.
  function tables() {
    for (const table of $$('.md-content table')) {
      let box = table.closest('.md-typeset__scrollwrap, .course-scroll');
      if (!box && table.className) {
        box = make('div', 'course-scroll');
        table.replaceWith(box);
        box.append(table);
      }
      if (!box) continue;
      const wide = box.scrollWidth > box.clientWidth + 1;
      let cue = box.previousElementSibling;
      if (!cue || !cue.matches('.course-scroll-cue')) {
        if (!wide) continue;
        cue = make('p', 'course-scroll-cue', 'Scroll sideways to see the whole table \u2192');
        cue.setAttribute('aria-hidden', 'true');
        box.before(cue);
        box.addEventListener('scroll', () => edge(box), { passive: true });
      }
      cue.hidden = !wide;
      box.classList.toggle('course-wide', wide);
      if (wide) {
        const caption = $('caption', table);
        box.tabIndex = 0;
        box.setAttribute('role', 'region');
        box.setAttribute('aria-label', `Table${caption ? ': ' + caption.textContent : ''}, scrolls sideways`);
      } else ['tabindex', 'role', 'aria-label'].forEach(name => box.removeAttribute(name));
      edge(box);
    }
  }
  const edge = box => box.classList.toggle('course-at-end', box.scrollLeft + box.clientWidth >= box.scrollWidth - 1);

  // Diagrams open full-screen and zoom (zoom.js, loaded on first use).
  function diagrams() {
    for (const img of $$('.md-content__inner img:not([data-zoom])')) {
      if (img.closest('a') || (img.complete && img.naturalWidth && img.naturalWidth < 200)) continue;
      img.dataset.zoom = '';
      const open = make('button', 'course-zoom-open', 'Enlarge diagram');
      open.type = 'button';
      img.after(open);
      img.onclick = open.onclick = () => script('assets/zoom.js').then(() => window.nmwZoom(img, open));
    }
  }

  // The header shows the module and the section being read; module pages remember the last section reached.
  function reading() {
    const [, module, teaching] = location.pathname.match(/\/modules\/([^/.]+)(\/[^/]+)?\.html$/) || [];
    const title = $('.md-content__inner h1');
    const hub = module && $$('.md-nav--primary a.md-nav__link').find(a => a.href.split('#')[0].endsWith(`/modules/${module}.html`));
    page = {
      module: teaching && module,
      label: teaching && hub ? hub.textContent.trim() : '',
      title: title ? title.textContent.replace('\u00b6', '').trim() : document.title,
      path: location.pathname.startsWith(ROOT.pathname) ? decodeURI(location.pathname.slice(ROOT.pathname.length)) : '',
      headings: $$('.md-content__inner h2[id]'),
    };
    page.topic = $('[data-md-component="header-topic"] .md-ellipsis');
    page.section = undefined;
    document.documentElement.classList.toggle('course-summary', !!teaching && teaching === '/summary');
    scrolled();
  }

  function scrolled() {
    const line = innerHeight / 4;
    const current = page.headings.filter(h => h.offsetParent && h.getBoundingClientRect().top < line).pop();
    if (!page.topic || current === page.section) return;
    page.section = current;
    const heading = current && current.textContent.replace('\u00b6', '').trim();
    const lines = [page.label || (heading ? page.title : ''), heading || page.title].filter(Boolean);
    page.topic.replaceChildren(...lines.map((text, i) => make('span', i || lines.length === 1 ? 'course-topic' : 'course-topic course-topic-over', text)));
    if (page.module && current && page.path) {
      remember(all => {
        const saved = all[page.module] || { pages: {} };
        saved.last = { path: page.path, section: current.id, page: page.title, heading };
        saved.pages[page.path] = heading;
        all[page.module] = saved;
      });
    }
  }
  let ticking = false;
  addEventListener('scroll', () => {
    if (ticking) return;
    ticking = true;
    requestAnimationFrame(() => { ticking = false; scrolled(); });
  }, { passive: true });

  function remember(change) {
    try {
      const all = JSON.parse(localStorage.getItem(READING)) || {};
      change(all);
      localStorage.setItem(READING, JSON.stringify(all));
    } catch (e) { /* unsaved */ }
  }

  // A module summary prints on one page (site.css); a button prints it from a phone too.
  function summaryPrint() {
    const title = $('.md-content__inner h1');
    if (!document.documentElement.classList.contains('course-summary') || !title || $('.course-print')) return;
    const print = make('button', 'course-print', 'Print this summary');
    print.type = 'button';
    print.onclick = () => window.print();
    title.after(print);
  }

  // Once per page, as early as possible: this script comes after the page's content.
  function start() {
    const main = $('.md-content__inner');
    if (!main || 'siteReady' in main.dataset) return;
    main.dataset.siteReady = '';
    abbreviations();
    reading();
    summaryPrint();
    diagrams();
    course().catch(error => setTimeout(() => { throw error; }));
  }
  // Tables are measured once the theme has wrapped them, and again when the window changes.
  const settle = () => requestAnimationFrame(tables);

  start();
  if (window.document$) window.document$.subscribe(() => { start(); setTimeout(settle); });  // instant navigation
  addEventListener('DOMContentLoaded', () => setTimeout(settle));
  addEventListener('load', settle);
  addEventListener('resize', settle);
})();
