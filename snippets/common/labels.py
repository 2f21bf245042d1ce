"""Words that a snippet prints as page content, in the reader's language.

A table's header, its row labels and the sentence under it are prose: the
Chinese page shows them in Chinese and the English page in English, around the
same numbers. A snippet writes each of them as
label("test accuracy", "测试准确率") and prints the result. The environment
variable RNN_NOTES_LANGUAGE chooses:

- "en" (the default: a run by hand) or "zh" (each language's notebook sets it
  in its first cell): that language's words;
- "both" (the site's build): both, between the marks below, so that one run
  serves both pages and each page keeps its own words (nothing runs or trains
  twice, and the two pages cannot show different numbers).

Code, and output that reads as the program's (an exception, model.summary()),
is printed as it is. Do not pad a label with a format width: in a build it
holds both languages.
"""

import os

LANGUAGE = "RNN_NOTES_LANGUAGE"
LANGUAGES = ("en", "zh")
OPEN, BETWEEN, CLOSE = "\x02", "\x1f", "\x03"  # STX, US, ETX: never in text


def language():
    chosen = os.environ.get(LANGUAGE, "en")
    if chosen not in (*LANGUAGES, "both"):
        raise ValueError(
            f"{LANGUAGE}: expected one of en, zh, both, got {chosen!r}"
        )
    return chosen


def label(en, zh):
    """The English or the Chinese words, as RNN_NOTES_LANGUAGE says."""
    chosen = language()
    if chosen == "both":
        return f"{OPEN}{en}{BETWEEN}{zh}{CLOSE}"
    return zh if chosen == "zh" else en


if __name__ == "__main__":
    print(
        label("printed in English", "以中文输出"), f"({LANGUAGE}={language()})"
    )
