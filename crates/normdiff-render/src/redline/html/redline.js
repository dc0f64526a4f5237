(function () {
  "use strict";
  var changes = Array.prototype.slice.call(document.querySelectorAll(".pair.change"));
  var current = -1;
  function indexOfHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    for (var i = 0; i < changes.length; i++) {
      if (changes[i].id === id) return i;
    }
    return -1;
  }
  function go(step) {
    if (!changes.length) return;
    var at = indexOfHash();
    if (at >= 0) current = at;
    current = Math.max(0, Math.min(changes.length - 1, current + step));
    location.hash = "#" + changes[current].id;
  }
  document.getElementById("next").addEventListener("click", function () { go(1); });
  document.getElementById("prev").addEventListener("click", function () { go(-1); });
  document.addEventListener("keydown", function (e) {
    var t = e.target && e.target.tagName;
    if (e.ctrlKey || e.metaKey || e.altKey || t === "INPUT" || t === "TEXTAREA") return;
    if (e.key === "j") { go(1); e.preventDefault(); }
    else if (e.key === "k") { go(-1); e.preventDefault(); }
  });
  document.getElementById("hide-same").addEventListener("change", function (e) {
    document.body.classList.toggle("hide-same", e.target.checked);
  });
  document.getElementById("side-view").addEventListener("change", function (e) {
    document.body.classList.toggle("sideview", e.target.checked);
  });
})();
