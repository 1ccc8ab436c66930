(function () {
  "use strict";
  if (window.jrsEmbedListener) return;
  window.jrsEmbedListener = true;
  var selector = "iframe[data-jrs-embed]";
  var frames = document.querySelectorAll(selector);
  for (var i = 0; i < frames.length; i++) {
    frames[i].style.width = "100%";
    frames[i].style.border = "0";
    frames[i].style.display = "block";
  }
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "jrs-embed-height") return;
    var all = document.querySelectorAll(selector);
    for (var j = 0; j < all.length; j++) {
      var frame = all[j];
      if (event.source !== frame.contentWindow) continue;
      if (event.origin !== new URL(frame.src, document.baseURI).origin) return;
      var height = Math.ceil(Number(data.height));
      if (height > 0 && height < 100000) frame.style.height = height + "px";
      return;
    }
  });
})();
