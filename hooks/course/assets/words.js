// words.js: the interface's words in the site's language (hooks/course/words.py), for every script:
// nmwSite.t('due', {n: 3}) -> "3 questions due for review today". A value with plural forms is picked by {n},
// with the language's own rules; a key the table lacks shows as itself, so it is seen and fixed.
(site => {
  let rules;
  try { rules = new Intl.PluralRules(site.lang); } catch (e) { rules = new Intl.PluralRules('en'); }
  site.t = (key, values = {}) => {
    let text = site.words[key];
    if (text == null) return key;
    if (typeof text === 'object') text = text[rules.select(values.n)] || text.other;
    return text.replace(/\{(\w+)\}/g, (all, name) => (name in values ? values[name] : all));
  };
})(window.nmwSite);
