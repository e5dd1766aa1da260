"""Rebuilds woorden_nl.tsv.gz: the frequent lowercase Dutch words, with their Zipf frequency.

A word is listed when it occurs in the Dutch data of wordfreq (3.1.1, 'large', Zipf >= 1.0) and the OpenTaal
Hunspell dictionary accepts it written in lowercase (so 'houten' and 'roos' are listed, 'lotte' and 'zwolle' are
not). Run once by a maintainer, not by the app:

    pip install wordfreq==3.1.1 chunspell
    apt-get download hunspell-nl && dpkg-deb -x hunspell-nl_*.deb /tmp/hunspell-nl
    python resources/anonymise/maak_woordenlijst.py /tmp/hunspell-nl/usr/share/hunspell resources/anonymise/woorden_nl.tsv.gz
"""

import gzip
import sys

import hunspell  # chunspell
import wordfreq


def main(dictionary_dir: str, target: str, lowest: float = 1.0) -> None:
    checker = hunspell.Hunspell("nl", hunspell_data_dir=dictionary_dir)
    rows = []
    for band, words in enumerate(wordfreq.get_frequency_list("nl", "large")):
        zipf = 9 - band / 100
        if zipf < lowest:
            break
        rows += [(w, zipf) for w in words if len(w) > 1 and w.isalpha() and w.islower() and checker.spell(w)]
    with gzip.open(target, "wt", encoding="utf-8") as out:
        out.write("# woord<TAB>zipf; bronnen: wordfreq 3.1.1 (CC BY-SA 4.0), OpenTaal (BSD-3-Clause/CC BY 3.0)\n")
        out.writelines(f"{w}\t{z:.1f}\n" for w, z in rows)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
