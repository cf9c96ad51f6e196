"""A process that parses paragraphs for `_nlp.ParseWorkers`.

    python -P .../storyline/analyze/_parse_worker.py MODEL

Run by its path, it imports only the standard library and spaCy. Frames on stdin and
stdout are a 4-byte big-endian length and that many bytes. It loads the spaCy model,
answers b"ready", then for each request (UTF-8 JSON: {"texts": [...], "batch_size": n})
answers the Docs as spaCy's `DocBin` bytes, or an empty frame when the parse failed. It
ends when stdin closes: when its parent ends, however it ends. Nothing but frames goes to
the real stdout; anything printed goes to stderr.
"""

from __future__ import annotations

import json
import os
import queue
import struct
import sys
import threading
from typing import IO, Any

HEADER = struct.Struct(">I")

# Plural nouns the English rule lemmatizer maps to another word ("doses" to "dos", "corpses"
# to "corps", "graves" to "graf", "taxes" to "taxis"); a counted noun is named by its lemma.
LEMMA_SLIPS = {
    "bases": "base",
    "corpses": "corpse",
    "doses": "dose",
    "graves": "grave",
    "motives": "motive",
    "species": "species",
    "taxes": "tax",
}


def mend_lemmas(nlp: Any) -> None:
    """Have the attribute ruler of `nlp` set the lemmas of `LEMMA_SLIPS`, in place.

    The rule lemmatizer leaves a lemma that an earlier component set; its own exceptions
    cannot help, since it prefers the wrong word whenever that word is in its index.
    """
    if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
        return
    if getattr(nlp.get_pipe("lemmatizer"), "overwrite", True):
        return
    ruler = nlp.get_pipe("attribute_ruler")
    for plural, lemma in LEMMA_SLIPS.items():
        ruler.add([[{"LOWER": plural, "TAG": "NNS"}]], {"LEMMA": lemma})


def read_frame(stream: IO[bytes]) -> bytes | None:
    """One frame, or None at the end of the stream."""
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        return None
    (size,) = HEADER.unpack(header)
    data = stream.read(size)
    return data if len(data) == size else None


def write_frame(stream: IO[bytes], data: bytes) -> None:
    stream.write(HEADER.pack(len(data)))
    stream.write(data)
    stream.flush()


def main(argv: list[str]) -> int:
    # The protocol keeps the real stdout; a library that prints writes to stderr instead.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    requests = sys.stdin.buffer
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.load(argv[1])
    mend_lemmas(nlp)
    # Requests are read as they come, apart from the parse: the parent sends the next
    # request before it reads an answer (`_nlp._feed`), and were this process not reading,
    # a request and an answer each larger than a pipe's buffer would leave both processes
    # waiting on each other's write.
    pending: queue.Queue[bytes | None] = queue.Queue()

    def read_requests() -> None:
        while (frame := read_frame(requests)) is not None:
            pending.put(frame)
        pending.put(None)

    threading.Thread(target=read_requests, daemon=True).start()
    write_frame(out, b"ready")
    while (frame := pending.get()) is not None:
        try:
            request = json.loads(frame)
            docs = DocBin(store_user_data=False)
            for doc in nlp.pipe(request["texts"], batch_size=int(request["batch_size"])):
                docs.add(doc)
            answer = docs.to_bytes()
        except Exception:  # the parent parses this part itself
            answer = b""
        write_frame(out, answer)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
