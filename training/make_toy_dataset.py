"""Write a small synthetic dataset in the lacuna-dataset/1 format, for testing train.py end to end.

The task mimics structured infill: the prompt lists key=value pairs, the answer is a JSON-like object
whose holes must copy, for the keys it names (in another order), the values from the prompt.

    prompt:  [filler ...] k3 = v17 v5 ; k9 = v2 ; k1 = v40 v41 v7 ; <sep>
    answer:  { " k9 " : " v2 <pad> <pad> <pad> " , " k3 " : " v17 v5 <pad> <pad> " }

Braces, quotes, colons, commas and keys are structure (role 1); each hole is --hole-width tokens of
role 2, the value then pad tokens, as a skeleton with fixed-size holes renders it. A random-length
filler before the pairs spreads the sequence lengths, so that bucketing has something to do.

How hard it is: a tiny model (d_model 64, 2 layers) learns the structure and where the pads go
within a minute, but looking the values up by key takes it far longer than a test run lasts (not
learnt after 12,000 steps, 20 epochs of 20,000 sequences). A test of the trainer should expect
answer-mode accuracy near 70% and hole-mode accuracy near the share of pads among hole tokens.

    python3 training/make_toy_dataset.py --out /tmp/toy/train --sequences 20000 --seed 0
    python3 training/make_toy_dataset.py --out /tmp/toy/eval --sequences 1000 --seed 1
"""

import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from dataset import HOLE, PROMPT, STRUCTURE, write_dataset  # noqa: E402

PAD, MASK, SEPARATOR, EQUALS, SEMICOLON, OPEN_BRACE, CLOSE_BRACE, COLON, COMMA, QUOTE = range(10)
FIRST_KEY = 10
KEY_COUNT = 16
FIRST_VALUE = FIRST_KEY + KEY_COUNT


def toy_sequence(rng: np.random.Generator, vocabulary_size: int, hole_width: int):
    tokens, roles = [], []

    def emit(new_tokens, role):
        tokens.extend(int(token) for token in new_tokens)
        roles.extend([role] * len(new_tokens))

    def random_values(count):
        return rng.integers(FIRST_VALUE, vocabulary_size, size=count)

    emit(random_values(rng.integers(0, 25)), PROMPT)
    pair_count = rng.integers(2, 6)
    keys = rng.choice(KEY_COUNT, size=pair_count, replace=False) + FIRST_KEY
    values = {int(key): random_values(rng.integers(1, hole_width + 1)) for key in keys}
    for key in keys:
        emit([key, EQUALS, *values[int(key)], SEMICOLON], PROMPT)
    emit([SEPARATOR], PROMPT)

    asked = rng.permutation(keys)[: rng.integers(1, pair_count + 1)]
    emit([OPEN_BRACE], STRUCTURE)
    for position, key in enumerate(asked):
        if position > 0:
            emit([COMMA], STRUCTURE)
        emit([QUOTE, key, QUOTE, COLON, QUOTE], STRUCTURE)
        value = values[int(key)]
        emit([*value, *[PAD] * (hole_width - len(value))], HOLE)
        emit([QUOTE], STRUCTURE)
    emit([CLOSE_BRACE], STRUCTURE)
    return tokens, roles


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, help="the dataset folder to write")
    parser.add_argument("--sequences", type=int, default=20000)
    parser.add_argument("--vocabulary-size", type=int, default=96)
    parser.add_argument("--hole-width", type=int, default=4, help="tokens per hole: values are 1 to this many tokens")
    parser.add_argument("--seed", type=int, default=0)
    arguments = parser.parse_args()

    rng = np.random.default_rng(arguments.seed)
    sequences = [toy_sequence(rng, arguments.vocabulary_size, arguments.hole_width) for _ in range(arguments.sequences)]
    write_dataset(arguments.out, sequences, arguments.vocabulary_size, pad_token_id=PAD, mask_token_id=MASK)
    print(f"wrote {arguments.out}: {len(sequences)} sequences, {sum(len(tokens) for tokens, _ in sequences)} tokens")


if __name__ == "__main__":
    main()
