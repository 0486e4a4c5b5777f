"""Contrast as Chromium paints it: colours read from the computed style, measured with WCAG 2's formula.

Used by tests/test_kleuren.py (text on its background) and tests/test_toetsenbord.py (the focus ring
on what surrounds it). A colour with transparency is laid over what is under it, down to an opaque
colour or the white canvas, as axe-core does.
"""
from __future__ import annotations

# Functions defined in the page: contrast(), textContrast(element) and ringContrast(element).
SCRIPT = r"""
(() => {
  const parse = (text) => {
    const m = text.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const parts = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  };
  // top over bottom (bottom opaque)
  const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const flatten = (layers) => layers.reduceRight((under, layer) => over(layer, under), [255, 255, 255, 1]);
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  // The background colours from the element up, until an opaque one: what its text is painted on.
  const backgroundOf = (element) => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return flatten(layers);
  };
  // What is painted at a point of the screen, the element's own content left out: what a ring there borders.
  const backgroundAt = (x, y, element) => {
    const layers = [];
    for (const e of document.elementsFromPoint(x, y)) {
      if (e !== element && element.contains(e)) continue;
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return flatten(layers);
  };
  // Whether an ancestor that clips its overflow (a scrolling sidebar, say) hides the point. A positioned
  // box escapes the clipping of the ancestors inside its containing block; the page's own scroll is
  // the viewport's.
  const clipped = (x, y, element) => {
    let containing = null;  // while set, the ancestors below it do not clip
    for (let e = element; e && e !== document.body; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (e !== element && (!containing || e === containing)) {
        containing = null;
        const box = e.getBoundingClientRect();
        if ((style.overflowX !== "visible" || style.overflowY !== "visible")
            && (x < box.left || x > box.right || y < box.top || y > box.bottom)) return true;
      }
      if (style.position === "fixed") return false;
      if (style.position === "absolute" && !containing) containing = e.offsetParent;
    }
    return false;
  };
  const hex = (c) => "#" + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");
  window.gidsContrast = {
    // {ratio, color, background, large} of the text of an element
    text(element) {
      const style = getComputedStyle(element);
      const background = backgroundOf(element);
      const color = over(parse(style.color), background);
      const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
      return { ratio: contrast(color, background), color: hex(color), background: hex(background),
               large: size >= 24 || (bold && size >= 18.66) };
    },
    // The focus ring of an element (Material's palette radio buttons show theirs on their label):
    // {style, width, color, ratio: the lowest contrast against what surrounds the ring at the middle of
    // those of its four sides that are on screen, background: that surrounding colour, sides: how many}
    ring(element) {
      const shown = element.matches(".md-option") ? element.nextElementSibling : element;
      const style = getComputedStyle(shown);
      const width = parseFloat(style.outlineWidth) || 0, offset = parseFloat(style.outlineOffset) || 0;
      const ring = parse(style.outlineColor);
      for (let e = shown; e; e = e.parentElement) ring[3] *= parseFloat(getComputedStyle(e).opacity);  // a faded link fades its ring
      const box = shown.getBoundingClientRect(), d = offset + width / 2;
      const points = [[box.left + box.width / 2, box.top - d], [box.left + box.width / 2, box.bottom + d],
                      [box.left - d, box.top + box.height / 2], [box.right + d, box.top + box.height / 2]]
        .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight && !clipped(x, y, shown)
                            && document.elementsFromPoint(x, y).length > 0);
      let worst = null;
      for (const [x, y] of points) {
        const background = backgroundAt(x, y, shown);
        const ratio = contrast(over(ring, background), background);
        if (!worst || ratio < worst.ratio) worst = { ratio, background: hex(background) };
      }
      // covered: what shows at the element's centre if that is something else (the header, another menu level)
      const middle = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      const covered = !middle ? "niets" : shown.contains(middle) || middle.contains(shown) ? null
        : middle.tagName.toLowerCase() + (middle.className && typeof middle.className === "string" ? "." + middle.className.trim().split(/\s+/).join(".") : "");
      return { style: style.outlineStyle, width, color: hex(ring), covered, ratio: worst ? worst.ratio : null,
               background: worst ? worst.background : null, sides: points.length };
    },
  };
})();
"""


def install(page) -> None:
    """Define window.gidsContrast in the page (once)."""
    if not page.evaluate("typeof window.gidsContrast !== 'undefined'"):
        page.evaluate(SCRIPT)
