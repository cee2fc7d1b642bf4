/* zoom.js: a diagram full-screen, zoomed with buttons or the + and - keys (or a pinch), moved by scrolling.
   site.js loads it the first time a student opens a diagram. Escape or Close returns to the page. */
(() => {
const STYLE = `.course-zoom {width: 100vw; max-width: none; height: 100vh; max-height: none; margin: 0; padding: 0; border: 0; display: flex; flex-direction: column; color: var(--md-default-fg-color); background: var(--md-default-bg-color)}
.course-zoom:not([open]) {display: none}
.course-zoom-bar {display: flex; align-items: center; gap: 0.4rem; padding: 0.4rem}
.course-zoom-bar .course-button {min-width: 2.2rem; padding: 0.3rem 0.6rem; font: inherit; font-weight: 700; color: inherit; background: none; border: 0.1rem solid; border-radius: 0.2rem; cursor: pointer}
.course-zoom-bar .course-button:last-child {margin-left: auto}
.course-zoom-view {flex: 1; display: flex; overflow: auto; touch-action: pan-x pan-y pinch-zoom}
.course-zoom-view img {flex: none; margin: auto; width: 100%; height: 100%; object-fit: contain; background: #fff}
.course-zoom-view.is-zoomed img {height: auto; max-width: none}`;

window.nmwZoom = (img, opener) => {
  const make = (tag, cls, text) => Object.assign(document.createElement(tag), { className: cls, textContent: text || '' });
  const dialog = make('dialog', 'course-zoom');
  const bar = make('div', 'course-zoom-bar');
  const view = make('div', 'course-zoom-view');
  const picture = Object.assign(img.cloneNode(), { className: '' });
  const level = make('span', 'course-zoom-level');
  let scale = 1;
  const zoom = next => {
    scale = Math.min(6, Math.max(1, next));
    view.classList.toggle('is-zoomed', scale > 1);
    picture.style.width = scale > 1 ? scale * 100 + '%' : '';
    level.textContent = Math.round(scale * 100) + '%';
  };
  const button = (text, action, label) => {
    const b = make('button', 'course-button', text);
    b.type = 'button';
    b.onclick = action;
    if (label) b.setAttribute('aria-label', label);
    return b;
  };
  dialog.setAttribute('aria-label', 'Diagram' + (img.alt ? ': ' + img.alt : ''));
  view.tabIndex = 0;  // arrow keys scroll a zoomed diagram
  view.setAttribute('role', 'region');
  view.setAttribute('aria-label', 'Diagram, zoomable');
  picture.removeAttribute('data-zoom');
  view.append(picture);
  bar.append(button('\u2212', () => zoom(scale / 1.5), 'Zoom out'), level, button('+', () => zoom(scale * 1.5), 'Zoom in'),
    button('Fit', () => zoom(1), 'Fit to screen'), button('Close', () => dialog.close()));
  dialog.append(bar, view);
  dialog.addEventListener('keydown', event => {
    const step = { '+': 1.5, '=': 1.5, '-': 1 / 1.5, 0: 0 }[event.key];
    if (step === undefined) return;
    zoom(step ? scale * step : 1);
    event.preventDefault();
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener) opener.focus();
  });
  if (!document.getElementById('course-zoom-style')) {
    document.head.append(Object.assign(document.createElement('style'), { id: 'course-zoom-style', textContent: STYLE }));
  }
  document.body.append(dialog);
  zoom(1);
  dialog.showModal();
  view.focus();
};
})();
