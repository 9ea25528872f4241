"""Read and write Lacuna's pre-tokenised training data (format "lacuna-dataset/1").

A dataset is a folder of four files, small enough to load whole:

    dataset.json  {"format": "lacuna-dataset/1", "vocabularySize", "padTokenId", "maskTokenId",
                   "sequences", "tokens", "maxLength"}
    tokens.u16    every sequence's token ids, concatenated (little-endian uint16)
    offsets.u32   sequences + 1 offsets into tokens: sequence i is tokens[offsets[i]:offsets[i + 1]]
    roles.u8      one byte per token, saying what the trainer may do with it:
                    0 PROMPT     context; never masked, never in the loss
                    1 STRUCTURE  answer tokens the skeleton writes (braces, keys, quotes)
                    2 HOLE       answer tokens the model fills: a value token, or a pad
                                 token standing in an unused hole position
                    4 DECISION   a hole of a structural decision (which tool, how many calls,
                                 whether an optional argument is there): a hole the trainer
                                 may weight apart (3 is infill's fixed mask, never in a dataset)
                    5 NORMALISED a value hole whose value the request does not state verbatim
                                 (a currency code from "Canadian dollars", 15:30 from "half past
                                 three"): written, not copied; a hole the trainer may weight apart

    python3 training/dataset.py FOLDER     # check a folder and print its statistics
"""

import json
import os
import sys

import numpy as np

FORMAT = "lacuna-dataset/1"
PROMPT, STRUCTURE, HOLE, DECISION, NORMALISED = 0, 1, 2, 4, 5
ROLES = (PROMPT, STRUCTURE, HOLE, DECISION, NORMALISED)


class TokenDataset:
    """A dataset folder held in memory; sequence(i) returns (token ids, roles) as numpy arrays."""

    def __init__(self, folder: str):
        self.folder = folder
        with open(os.path.join(folder, "dataset.json"), encoding="utf-8") as file:
            header = json.load(file)
        if header.get("format") != FORMAT:
            raise ValueError(f"{folder}: format is {header.get('format')!r}, expected {FORMAT!r}")
        self.vocabulary_size = int(header["vocabularySize"])
        self.pad_token_id = int(header["padTokenId"])
        self.mask_token_id = int(header["maskTokenId"])
        self.max_length = int(header["maxLength"])

        # Explicit little-endian dtypes: the files are little-endian whatever the machine.
        self.tokens = np.fromfile(os.path.join(folder, "tokens.u16"), dtype="<u2")
        self.offsets = np.fromfile(os.path.join(folder, "offsets.u32"), dtype="<u4").astype(np.int64)
        self.roles = np.fromfile(os.path.join(folder, "roles.u8"), dtype=np.uint8)
        self.lengths = np.diff(self.offsets)
        self._validate(header)

    def _validate(self, header):
        # A renderer bug caught here costs seconds; caught as a strange loss curve, it costs a training run.
        problems = []
        if len(self.offsets) != header["sequences"] + 1:
            problems.append(f"offsets.u32 holds {len(self.offsets)} offsets, "
                            f"expected sequences + 1 = {header['sequences'] + 1}")
        if len(self.tokens) != header["tokens"]:
            problems.append(f"tokens.u16 holds {len(self.tokens)} tokens, dataset.json says {header['tokens']}")
        if len(self.roles) != len(self.tokens):
            problems.append(f"roles.u8 holds {len(self.roles)} roles for {len(self.tokens)} tokens")
        if len(self.offsets) and (self.offsets[0] != 0 or self.offsets[-1] != len(self.tokens)):
            problems.append("offsets must start at 0 and end at the token count")
        if np.any(self.lengths <= 0):
            problems.append(f"{int(np.sum(self.lengths <= 0))} sequences are empty or have decreasing offsets")
        if len(self.lengths) and self.lengths.max() > self.max_length:
            problems.append(f"longest sequence has {self.lengths.max()} tokens, over maxLength {self.max_length}")
        if len(self.tokens) and self.tokens.max() >= self.vocabulary_size:
            problems.append(f"token id {self.tokens.max()} is outside the vocabulary of {self.vocabulary_size}")
        unknown_roles = sorted(set(np.unique(self.roles).tolist()) - set(ROLES))
        if unknown_roles:
            problems.append(f"roles other than {', '.join(map(str, ROLES))}: {unknown_roles}")
        # The trainer writes the mask token itself; one already in the data would be a target the model
        # must learn to output, which breaks samplers that never expect it.
        if np.any(self.tokens == self.mask_token_id):
            count = int(np.sum(self.tokens == self.mask_token_id))
            problems.append(f"the mask token {self.mask_token_id} occurs {count} times")
        if problems:
            raise ValueError(f"{self.folder} is not a valid {FORMAT} dataset:\n  " + "\n  ".join(problems))

    def __len__(self):
        return len(self.lengths)

    def sequence(self, index: int):
        start, end = self.offsets[index], self.offsets[index + 1]
        return self.tokens[start:end], self.roles[start:end]

    def describe(self) -> str:
        role_counts = np.bincount(self.roles, minlength=NORMALISED + 1)
        answer_lengths = np.add.reduceat((self.roles > PROMPT).astype(np.int64), self.offsets[:-1]) if len(self) else []
        percentiles = np.percentile(self.lengths, [0, 50, 90, 99, 100]).astype(int) if len(self) else []
        hole_tokens = self.tokens[(self.roles == HOLE) | (self.roles == NORMALISED)]
        pad_share_of_holes = float(np.mean(hole_tokens == self.pad_token_id)) if len(hole_tokens) else 0.0
        return (
            f"{self.folder}: {len(self):,} sequences, {len(self.tokens):,} tokens, vocabulary {self.vocabulary_size}, "
            f"pad {self.pad_token_id}, mask {self.mask_token_id}\n"
            f"  length min/median/p90/p99/max {'/'.join(map(str, percentiles))}\n"
            f"  roles: prompt {role_counts[PROMPT]:,}, structure {role_counts[STRUCTURE]:,}, "
            f"hole {role_counts[HOLE]:,} and normalised value {role_counts[NORMALISED]:,} ({pad_share_of_holes:.0%} of them "
            f"pad), decision {role_counts[DECISION]:,}\n"
            f"  sequences without answer tokens: {int(np.sum(np.asarray(answer_lengths) == 0))}"
        )


def write_dataset(folder: str, sequences, vocabulary_size: int, pad_token_id: int, mask_token_id: int) -> None:
    """Write sequences, an iterable of (token ids, roles) pairs of equal length, as a dataset folder."""
    token_chunks, role_chunks, lengths = [], [], []
    for token_ids, roles in sequences:
        if len(token_ids) != len(roles):
            raise ValueError("each sequence needs one role per token")
        token_chunks.append(np.asarray(token_ids, dtype="<u2"))
        role_chunks.append(np.asarray(roles, dtype=np.uint8))
        lengths.append(len(token_ids))
    offsets = np.concatenate([[0], np.cumsum(lengths)]).astype("<u4")
    os.makedirs(folder, exist_ok=True)
    np.concatenate(token_chunks).tofile(os.path.join(folder, "tokens.u16"))
    offsets.tofile(os.path.join(folder, "offsets.u32"))
    np.concatenate(role_chunks).tofile(os.path.join(folder, "roles.u8"))
    header = {
        "format": FORMAT,
        "vocabularySize": vocabulary_size,
        "padTokenId": pad_token_id,
        "maskTokenId": mask_token_id,
        "sequences": len(lengths),
        "tokens": int(offsets[-1]),
        "maxLength": int(max(lengths)),
    }
    # Written last, so a folder with a dataset.json is a complete one.
    with open(os.path.join(folder, "dataset.json"), "w", encoding="utf-8") as file:
        file.write(json.dumps(header, indent=2) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python3 training/dataset.py FOLDER")
    print(TokenDataset(sys.argv[1]).describe())
