"""The words of a question: tokens as typed, and atoms (lowercase word stems) to match names against.

A token keeps versions, builds, image references and field paths whole (``v1.25.3``,
``10.0.17763.5696``, ``mcr.microsoft.com/windows/nanoserver:ltsc2022``,
``spec.containers[*].securityContext.privileged``). An atom is one stemmed word of a token:
camelCase and punctuation split words (``sessionAffinity`` -> ``session``, ``affin``), so that a
name matches however it is spelled. Everything here is linear in the length of the question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

_TOKEN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._:/@+'’-]|\[[*0-9]*\])*(?<=[A-Za-z0-9\]])|[\u3400-\u9fff\uf900-\ufaff]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_PIECE = re.compile(r"[A-Za-z0-9]+")
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """The stem of a lowercase word: 'limits' -> 'limit', 'mounting' -> 'mount'."""
    return _STEMMER.stemWord(word)


def _stems(words: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words.split())


STOP = _stems(
    """a an the is are was were be been being am does do did done doing can could will would should shall may might
    must i we you he she they it its it's this that these those there here on in at of for with without from to into
    onto and or but if so as by about me us my our your their them please tell show give get got have has had having
    any some all also just only really actually ok okay yes no not nor what whats what's which who whom whose when how
    why whether than then too very quite there's hey hi hello guys folks team anyone anybody somebody know knows
    question quick one wondering curious idea thanks thank pls plz lol btw fyi tho though like etc e.g i.e via per vs
    versus windows win kubernetes k8s re ve ll"""
)
"""Words that say nothing about the subject: grammar, chat filler, and words every question here repeats."""

GENERIC = _stems(
    """node nodes pod pods container containers cluster clusters server servers workload workloads os system
    worker workers service services support supports supported supporting work works working use using used usable
    run runs running available enable enabled allow allowed possible feature features thing stuff option options
    setting settings mode version versions release releases"""
)
"""Domain words too common to identify a feature on their own; a name needs another word to match."""

ORDINARY = _stems(
    """want wants wanted need needs needed add adding added join joining joined plan plans planning planned try
    trying tried go going gone goes went move moving moved roll rolling rolled out deploy deploying deployed install
    installing installed set setting setup config configure configured configuring prod production staging dev test
    testing env environment team customer customers fine ok okay good bad safe sure right correct true false now
    today days day currently current recently still yet already anymore ever never always again soon later new old
    newer older latest newest oldest first last next previous same different other another each every both either
    any much many more most less few lot lots bit kind sort way thing things stuff something anything everything
    nothing one two three let lets let's make makes made get gets got getting see saw seen look looks looking check
    checking checked show shows showed says said say tell told ask asked report reports reported output wide kubectl
    describe logs error errors issue issues problem problems fail fails failed failing broken break breaks happen
    happens happened expect expected expecting suppose supposed seem seems seemed mean means meant think thought
    guess hope wonder confirm confirmed wrong doc docs documentation page official matter question answer help pls
    please thanks thx hit hits reach reached become became becomes come comes came start started starting begin
    began keep kept stay stays allowed able unable enough exactly actually basically simply just really kube pool pools box boxes couple chance scheduled schedule come up we're you're they're
    it's that's there's semi annual channel list listed lists choice choices path line upstream final value values
    kernel kernelversion matrix engine instead built dockerfile"""
)
"""Ordinary words of chat: a question may say them without naming anything the data must hold."""

EQUIVALENT = {
    stem(w): stem(to) for w, to in (("pods", "pod"), ("containers", "pod"), ("container", "pod"), ("nodes", "node"))
}
"""Words that stand for one another in names: 'HostProcess containers' is 'HostProcess pods'."""


@dataclass(frozen=True)
class Token:
    """A word of the question as typed, and where it is."""

    text: str
    index: int
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text``, left to right."""
    return [Token(m.group(), i, m.start(), m.end()) for i, m in enumerate(_TOKEN.finditer(text))]


def atoms_of(text: str) -> list[str]:
    """The stemmed words of a name or token: 'WindowsHostProcessContainers' -> window, host, process, contain..."""
    spaced = _CAMEL.sub(" ", text)
    out = []
    for piece in _PIECE.findall(spaced):
        atom = stem(piece.lower())
        out.append(EQUIVALENT.get(atom, atom))
    return out


def compound(text: str) -> str:
    """A name written as one word, for matching compounds: 'Host Process' and 'HostProcess' -> 'hostprocess';
    a plural s is dropped ('hostUsers' -> 'hostuser'), nothing else, so 'host using' stays 'hostusing'."""
    word = joined(text)
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def joined(text: str) -> str:
    """A name with everything but letters and digits dropped, lowercase: 'Host-Process' -> 'hostprocess'."""
    return re.sub(r"[^a-z0-9]", "", text.lower())
