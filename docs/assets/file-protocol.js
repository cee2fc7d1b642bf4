/* From disk (file://) Material's instant navigation cannot run, and while the feature is on none of the
   theme's components start either (contents highlight and height, header title, tooltips, back to top,
   table scrolling): it completes the theme's document$ before the page loads. So on file:// the feature
   is removed from #__config before bundle.js reads it: the parser runs observer callbacks at each
   </script>, before the next script executes. Listed under extra.polyfills, in <head>. */
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
