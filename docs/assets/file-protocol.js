/* Opened from disk (file://), Material's instant navigation cannot run, and while the feature is on none
   of the theme's page components start either: the contents panel never highlights the current section
   or stops at the footer, the header never shows the page title, tooltips, back-to-top and table
   scrolling stay off. (Instant navigation returns an empty stream on file://, which completes the
   theme's document$ before the page has loaded; see bundle.ts in mkdocs-material.)
   So on file:// this removes the feature from the theme's configuration before the theme reads it.
   Listed under extra.polyfills, this runs in <head>; the parser runs pending observer callbacks at
   each </script>, so the callback sees the complete #__config before bundle.js executes. */
(() => {
  if (location.protocol !== 'file:') return;
  new MutationObserver((records, observer) => {
    const config = document.getElementById('__config');
    let data;
    try { data = JSON.parse(config.textContent); } catch (e) { return; }  // not there yet, or not complete
    observer.disconnect();
    data.features = data.features.filter(name => !name.startsWith('navigation.instant'));
    config.textContent = JSON.stringify(data);
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();
