// helpers.js: finding and making elements, and the interface's words.
const $ = (sel, root) => root.querySelector(sel);
const $$ = (sel, root) => [...root.querySelectorAll(sel)];

// The interface's words in the site's language (hooks/course/strings/, shipped in assets/course/site-data.js).
const t = (key, values) => (window.nmwSite ? nmwSite.t(key, values) : key);

function make(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text != null) node.textContent = text;
  return node;
}
