"""An animated SVG from one matplotlib figure: groups of the drawing light up
stage by stage.

The figure is drawn once. Artists that carry a gid (an Axes holding one layer of
the drawing, a Text) become ``<g id="...">`` groups in the SVG. A
``StagedFigure`` says how long each stage lasts and in which stages each of
those groups is shown; groups it does not name are always shown. The last stage
is the still picture. ``render()`` returns two SVGs:

- the animation: the figure with a ``<style>`` of CSS ``@keyframes`` that fade
  the groups in and out in a loop, only when the reader has not asked for
  reduced motion; otherwise the last stage, still;
- the still: the figure as the last stage shows it, with no style at all.

``python snippets/lstm/lstm_anim_step.py`` writes both files of the LSTM
animation.
"""

import io
import re
from dataclasses import dataclass

# seconds a group takes to fade in or out; it is fully changed when its stage
# starts
FADE = 0.3
GID_RE = re.compile(r"[a-z][-_a-z0-9]*")
SVG_TAG_RE = re.compile(r"<svg\b[^>]*>")


def plain_svg(fig):
    """The figure as SVG text, without a date."""
    buffer = io.StringIO()
    fig.savefig(
        buffer, format="svg", metadata={"Date": None}, facecolor="white"
    )
    return buffer.getvalue()


def opacity_keyframes(stages, durations, fade=FADE):
    """(percent of the loop, opacity) points for a group shown in `stages`
    (indices into `durations`).

    Each change fades over the `fade` seconds before the stage starts; the
    change back to the first stage's value happens at the end of the loop.
    """
    shown = [1 if k in stages else 0 for k in range(len(durations))]
    starts = [sum(durations[:k]) for k in range(len(durations))]
    total = sum(durations)
    points = [(0.0, shown[0])]
    for k in range(1, len(durations)):
        if shown[k] != shown[k - 1]:
            points += [(starts[k] - fade, shown[k - 1]), (starts[k], shown[k])]
    if shown[-1] != shown[0]:
        points.append((total - fade, shown[-1]))
    points.append((total, shown[0]))
    return [(round(100 * t / total, 3), value) for t, value in points]


@dataclass
class StagedFigure:
    figure: object  # a matplotlib Figure
    durations: tuple  # seconds, one per stage; the last stage is the still
    shown: dict  # gid -> the stages (indices) in which that group is shown

    def __post_init__(self):
        self.durations = tuple(float(d) for d in self.durations)
        if len(self.durations) < 2 or min(self.durations) <= FADE:
            raise ValueError(
                "durations: expected at least 2 stages, each longer than "
                f"{FADE} s, got {self.durations}"
            )
        for gid, stages in self.shown.items():
            if not GID_RE.fullmatch(gid):
                raise ValueError(
                    f"shown: {gid!r} is not a gid of lowercase letters, "
                    "digits, - and _"
                )
            found = len(self._artists(gid))
            if found != 1:
                raise ValueError(
                    f"shown: expected 1 artist with gid {gid!r}, found {found}"
                )
            outside = sorted(set(stages) - set(range(len(self.durations))))
            if outside:
                raise ValueError(
                    f"shown[{gid!r}]: stages {outside} do not exist "
                    f"(there are {len(self.durations)})"
                )

    def _artists(self, gid):
        return self.figure.findobj(lambda artist: artist.get_gid() == gid)

    @property
    def last(self):
        return len(self.durations) - 1

    def css(self):
        """The style that animates the groups; without motion each group rests
        as in the last stage."""
        seconds = f"{sum(self.durations):g}s"
        rest, frames, motion = [], [], []
        for gid, stages in sorted(self.shown.items()):
            rest.append(f"#{gid}{{opacity:{int(self.last in stages)}}}")
            steps = "".join(
                f"{p:g}%{{opacity:{v}}}"
                for p, v in opacity_keyframes(stages, self.durations)
            )
            frames.append(f"@keyframes {gid}{{{steps}}}")
            motion.append(
                f"#{gid}{{animation:{gid} {seconds} linear infinite}}"
            )
        return "\n".join(
            [
                *rest,
                *frames,
                "@media (prefers-reduced-motion:no-preference){",
                *motion,
                "}",
            ]
        )

    def render(self, save=plain_svg):
        """(animated SVG, still SVG), both saved with `save(figure) -> str`."""
        svg = save(self.figure)
        tag = SVG_TAG_RE.search(svg)
        head, tail = svg[: tag.end()], svg[tag.end() :]
        animated = f"{head}\n<style>\n{self.css()}\n</style>{tail}"
        hidden = [
            artist
            for gid, stages in self.shown.items()
            if self.last not in stages
            for artist in self._artists(gid)
        ]
        for artist in hidden:
            artist.set_visible(False)
        try:
            still = save(self.figure)
        finally:
            for artist in hidden:
                artist.set_visible(True)
        return animated, still

    def save(self, name):
        """Write name.svg (animated) and name.still.svg; return the two file
        names."""
        names = [f"{name}.svg", f"{name}.still.svg"]
        for filename, text in zip(names, self.render()):
            with open(filename, "w", encoding="utf-8") as file:
                file.write(text)
        return names


def build_up(
    parts,
    draw_base,
    draw_part,
    equations,
    xlim,
    ylim,
    width,
    band=1.5,
    durations=None,
):
    """A drawing that lights up part by part: the StagedFigure both cell
    animations use.

    `draw_base(ax)` draws everything grey; `draw_part(ax, part, now)` draws one
    part's elements in colour, in the accent colour if `now`. At stage k part k
    shows in the accent colour, then stays in colour; the last stage shows every
    part in colour. Under the drawing, in a band `band` high, stage k shows
    `equations[parts[k]]` and the last stage `equations["step"]`. Stages last
    `durations` seconds (default: 1.5 for the first, which shows the inputs,
    2.5 for each part after it, 3.5 for the whole step).
    """
    import matplotlib.pyplot as plt

    if durations is None:
        durations = (1.5, *[2.5] * (len(parts) - 1), 3.5)

    if len(durations) != len(parts) + 1 or list(equations) != [*parts, "step"]:
        raise ValueError(
            f"expected a duration for each of {parts} and one for the whole "
            "step, and equations in that order; "
            f"got {len(durations)} durations and "
            f"equations for {list(equations)}"
        )
    bottom = ylim[0] - band
    fig = plt.figure(
        figsize=(width, width * (ylim[1] - bottom) / (xlim[1] - xlim[0]))
    )

    def layer(gid=None):
        ax = fig.add_axes((0, 0, 1, 1), gid=gid)
        ax.set_xlim(*xlim)
        ax.set_ylim(bottom, ylim[1])
        ax.set_aspect("equal")
        ax.axis("off")
        return ax

    base = layer()
    draw_base(base)
    last = len(parts)
    shown = {}
    for k, part in enumerate(parts):
        draw_part(layer(f"lit-{part}"), part, False)
        draw_part(layer(f"now-{part}"), part, True)
        shown |= {f"lit-{part}": set(range(k, last + 1)), f"now-{part}": {k}}
    for k, (name, tex) in enumerate(equations.items()):
        base.text(
            sum(xlim) / 2,
            bottom + band / 2,
            tex,
            ha="center",
            va="center",
            fontsize=14,
            linespacing=1.6,
            gid=f"eq-{name}",
        )
        shown[f"eq-{name}"] = {k}
    return StagedFigure(fig, durations, shown)


if __name__ == "__main__":
    print(
        "StagedFigure(figure, durations, shown).render()"
        " -> (animated SVG, still SVG)"
    )
    print(
        "opacity_keyframes({1}, (2, 2, 2)) =", opacity_keyframes({1}, (2, 2, 2))
    )
