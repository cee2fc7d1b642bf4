// reading.js: on a module's page, continue where the student left off, from what site.js saved (nmw-reading-v1).
const ROOT = new URL('..', document.currentScript.src);  // this part is assets/records.js

function setupReading() {
  const [, module] = location.pathname.match(/\/modules\/([^/.]+)\.html$/) || [];
  const box = $('.course-module', document);
  let saved;
  try { saved = JSON.parse(localStorage.getItem('nmw-reading-v1'))[module]; } catch (e) { /* nothing saved */ }
  const old = $('.course-continue', document);
  if (old) old.remove();
  if (!box || !saved || !saved.last || typeof saved.last.path !== 'string') return;
  const { last } = saved;
  const link = make('a', '', t('labelled', { label: last.page, text: last.heading }));
  link.href = new URL(last.path, ROOT).href + '#' + encodeURIComponent(last.section);
  box.prepend(make('p', 'course-continue', t('continue_reading')));
  box.firstChild.append(link);
  for (const item of $$('.course-module-pages li[data-page]', box)) {
    const heading = saved.pages && saved.pages[item.dataset.page.replace(/\.md$/, '.html')];
    const mark = $('.course-last-read', item) || item.appendChild(make('span', 'course-last-read'));
    mark.textContent = heading ? t('last_read', { heading }) : '';
  }
}
