// Selecting text in #doc-text fills the coding form with code-point offsets (REFI-QDA semantics: an emoji
// counts as one). Every run of text is a <span>/<mark> with data-start = its first code point.
(function () {
  'use strict';
  var text = document.getElementById('doc-text');
  var form = document.getElementById('coding-form');
  if (!text || !form) { return; }
  var startInput = form.querySelector('[name=start]');
  var endInput = form.querySelector('[name=end]');
  var preview = document.getElementById('selection-preview');
  var total = Number(text.dataset.length);

  function codePoints(s) { return Array.from(s).length; }

  function offsetOf(node, offset) {
    if (node === text) {
      var child = text.children[offset];
      return child ? Number(child.dataset.start) : total;
    }
    var element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    var run = element && element.closest('[data-start]');
    if (!run || !text.contains(run)) { return null; }
    if (node.nodeType !== Node.TEXT_NODE) {
      return offset === 0 ? Number(run.dataset.start) : Number(run.dataset.start) + codePoints(run.textContent);
    }
    return Number(run.dataset.start) + codePoints(node.textContent.slice(0, offset));
  }

  function update() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { return; }
    var range = selection.getRangeAt(0);
    if (!text.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== text) { return; }
    var start = offsetOf(range.startContainer, range.startOffset);
    var end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) { return; }
    startInput.value = start;
    endInput.value = end;
    preview.textContent = '“' + range.toString() + '”';
    preview.classList.add('has-selection');
  }

  text.addEventListener('mouseup', update);
  text.addEventListener('keyup', update);
  document.addEventListener('selectionchange', function () {
    var selection = window.getSelection();
    if (selection && selection.rangeCount > 0 && text.contains(selection.anchorNode)) { update(); }
  });
})();
