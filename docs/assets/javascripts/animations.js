// Animations show their still frame (scripts/rnnnotes/animations.py); this makes their button work.
// Play swaps each still <img> for the animated SVG named in data-rn-animated, Stop swaps the still
// back. A reader who prefers reduced motion gets no button: the animated SVG would not move for
// them anyway (its keyframes run only under prefers-reduced-motion: no-preference).
{
  const reduced = matchMedia("(prefers-reduced-motion: reduce)");

  const play = (button, on) => {
    for (const img of button.parentElement.querySelectorAll("img[data-rn-animated]")) {
      img.dataset.rnStill ??= img.getAttribute("src");
      img.setAttribute("src", on ? img.dataset.rnAnimated : img.dataset.rnStill);
    }
    button.setAttribute("aria-pressed", String(on));
    button.textContent = on ? button.dataset.stop : button.dataset.play;
  };

  const setUp = () => {
    for (const button of document.querySelectorAll("button.rn-animation")) {
      if (reduced.matches) play(button, false);
      button.hidden = reduced.matches;
      button.onclick = () => play(button, button.getAttribute("aria-pressed") !== "true");
    }
  };

  document$.subscribe(setUp);
  reduced.addEventListener("change", setUp);
}
