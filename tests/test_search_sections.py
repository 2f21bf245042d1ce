"""The search index is tuned so a search finds the section it names (scripts/rnnnotes/search_sections.py);
tests/test_search.py checks the same in Chromium."""

import json
import re

from conftest import ROOT
from rnnnotes.pages import parse_docs
from rnnnotes.search_sections import (
    chinese_terms,
    keep_terms_whole,
    tags_to_sections,
)

S = "\u200b"
TERMS = ["遗忘门", "更新门", "细胞状态"]


def test_chinese_terms_are_the_chinese_tags():
    assert chinese_terms(["forget gate", "遗忘门", "细胞状态", "遗忘门"]) == [
        "细胞状态",
        "遗忘门",
    ]


def test_a_word_that_begins_a_term_is_joined_to_the_word_after_it():
    text = (
        S.join(["每", "一步", "都要", "更新", "细胞状态"])
        + "。"
        + S
        + "遗忘门"
        + S
        + "的"
        + S
        + "值"
    )
    assert keep_terms_whole(text, TERMS) == S.join(
        ["每", "一步", "都要", "更新细胞状态"]
    ) + "。" + S.join(["", "遗忘门", "的", "值"])


def test_at_the_end_of_a_phrase_it_is_joined_to_the_word_before_it():
    assert (
        keep_terms_whole(S.join(["为什么", "会", "遗忘"]) + "？", TERMS)
        == S.join(["为什么", "会遗忘"]) + "？"
    )


def test_joined_words_that_still_begin_a_term_take_the_next_word_too():
    assert keep_terms_whole(S.join(["细", "胞", "很", "小"]), TERMS) == S.join(
        ["细胞很", "小"]
    )


def test_english_and_words_that_begin_no_term_are_left_alone():
    text = "the forget gate " + S.join(["门", "与", "激活", "函数"])
    assert keep_terms_whole(text, TERMS) == text


def test_each_tag_moves_to_the_first_section_whose_heading_holds_it():
    docs = [
        {
            "location": "lstm/",
            "title": "LSTM",
            "text": "",
            "tags": ["遗忘门", "细胞状态", "候选值"],
        },
        {
            "location": "lstm/#cell-state",
            "title": f"细胞状态{S}：{S}通路",
            "text": "",
            "tags": ["x"],
        },
        {"location": "lstm/#forget-gate", "title": "遗忘门", "text": ""},
        {
            "location": "lstm/#cell-update",
            "title": f"更新{S}细胞状态",
            "text": "",
        },
        {
            "location": "en/gru/",
            "title": "GRU",
            "text": "",
            "tags": ["candidate state", "update gate"],
        },
        {
            "location": "en/gru/#candidate-state",
            "title": "Candidate hidden state",
            "text": "",
        },
        {"location": "en/gru/#update-gate", "title": "Update gate", "text": ""},
    ]
    tags_to_sections(docs)
    assert {doc["location"]: doc.get("tags") for doc in docs} == {
        "lstm/": ["候选值"],  # no heading holds it
        "lstm/#cell-state": ["细胞状态"],
        "lstm/#forget-gate": ["遗忘门"],
        "lstm/#cell-update": None,
        "en/gru/": None,
        "en/gru/#candidate-state": ["candidate state"],
        "en/gru/#update-gate": ["update gate"],
    }


def test_jieba_keeps_every_chinese_tag_one_word():
    """mkdocs.yml gives Material's search plugin scripts/rnnnotes/search_words.txt as jieba_dict_user."""
    words = (
        (ROOT / "scripts/rnnnotes/search_words.txt")
        .read_text(encoding="utf-8")
        .split()
    )
    tags = [
        tag
        for model in parse_docs(ROOT / "docs", ROOT / "snippets").values()
        for tag in model.tags
    ]
    assert set(chinese_terms(tags)) - {
        tag for tag in tags if " " in tag
    } <= set(words)


def test_in_the_built_index_no_token_begins_a_tested_term(built_site):
    """Material's worker keeps a Chinese query whole only if none of its beginnings is a token of the
    index; these are the terms tests/test_search.py searches for."""
    index = json.loads(
        (built_site / "search" / "search_index.json").read_text(
            encoding="utf-8"
        )
    )
    separator = re.compile(index["config"]["separator"].replace("\\u200b", S))
    terms = ["遗忘门", "更新门", "细胞状态", "重置门"]
    beginnings = {term[:end] for term in terms for end in range(1, len(term))}
    tokens = {
        re.sub(r"^\W+|\W+$", "", token)  # lunr's trimmer
        for doc in index["docs"]
        for field in ("title", "text")
        for token in separator.split(re.sub(r"<[^>]+>", " ", doc[field]))
    }
    assert tokens & beginnings == set()
    assert set(terms) <= tokens
