"""Build the tiny-random model folder: a random-weight mask predictor exported
to ONNX next to its tokenizer, manifest, reference logits and model card.

    python3 training/make_fixture.py --out models/tiny-random/model [--seed 0]

Expects tokenizer.json and tokenizer_config.json already in --out (written by
training/train_tokenizer.mjs); training/make_fixture.sh runs the whole chain.
The same seed gives byte-identical files.
"""

import argparse
import hashlib
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from export_onnx import check_dynamic_shapes, export_onnx  # noqa: E402
from model import MaskPredictor, ModelConfig  # noqa: E402

NAME = "tiny-random"
MAX_LENGTH = 1024
ONNX_SIZE_LIMIT = 2 * 1024 * 1024
SPECIAL_TOKENS = {
    "maskTokenId": "<|mask|>",
    "eosTokenId": "<|eos|>",
    "padTokenId": "<|pad|>",
    "endOfTurnTokenId": "<|end|>",
}


def read_tokenizer(folder):
    """Vocabulary size and the special token ids, as the tokenizer defines them."""
    with open(os.path.join(folder, "tokenizer.json"), encoding="utf-8") as file:
        tokenizer = json.load(file)
    ids = {token["content"]: token["id"] for token in tokenizer["added_tokens"]}
    ids.update(tokenizer["model"]["vocab"])
    # The model's output must have a row for every id the tokenizer can produce.
    vocabulary_size = max(ids.values()) + 1
    special_ids = {field: ids[token] for field, token in SPECIAL_TOKENS.items()}
    return vocabulary_size, special_ids


def reference_cases(vocabulary_size, special_ids, answer_start_id=None):
    """Fixed inputs for checking ONNX Runtime against PyTorch.

    Ordinary tokens are drawn at random, and the rows whose logits are asked
    for hold <|mask|>, as they would while the SDK is denoising. With
    answer_start_id (a model with prefix attention), a fourth case puts that
    token inside each sequence, so that the prompt rows attend to the prompt only.
    """
    generator = torch.Generator().manual_seed(20240601)
    first_ordinary_id = max(special_ids.values()) + 1

    def random_ids(batch, length):
        return torch.randint(first_ordinary_id, vocabulary_size, (batch, length), generator=generator)

    def masked(input_ids, positions):
        input_ids = input_ids.clone()
        input_ids.scatter_(1, positions, special_ids["maskTokenId"])
        return input_ids

    positions = torch.tensor([[0, 5, 11], [2, 3, 4]])
    input_ids = masked(random_ids(2, 12), positions)
    no_padding = dict(
        name="batch 2, length 12, no padding",
        input_ids=input_ids,
        positions=positions,
        attention_mask=torch.ones(2, 12, dtype=torch.int64),
    )

    # The same sequences with the second one's last four tokens turned into
    # padding: its logits must then equal those of the 8 real tokens alone.
    padded_ids = input_ids.clone()
    padded_ids[1, 8:] = special_ids["padTokenId"]
    attention_mask = torch.ones(2, 12, dtype=torch.int64)
    attention_mask[1, 8:] = 0
    padding = dict(
        name="batch 2, length 12, second sequence padded after 8 tokens",
        input_ids=padded_ids,
        positions=positions,
        attention_mask=attention_mask,
    )

    # Every axis differs from the two cases above (and from the shapes used
    # for tracing), which catches a shape frozen into the exported graph.
    positions = torch.tensor([[4], [0], [2]])
    other_shape = dict(
        name="batch 3, length 5, one position each",
        input_ids=masked(random_ids(3, 5), positions),
        positions=positions,
        attention_mask=torch.ones(3, 5, dtype=torch.int64),
    )
    cases = [no_padding, padding, other_shape]
    if answer_start_id is not None:
        positions = torch.tensor([[2, 7, 9], [1, 6, 10]])
        input_ids = masked(random_ids(2, 12), positions)
        input_ids[0, 4] = answer_start_id
        input_ids[1, 3] = answer_start_id
        input_ids[1, 7] = answer_start_id  # the last one starts the answer, as in a conversation
        cases.append(dict(
            name="batch 2, length 12, answers after the answer-start token",
            input_ids=input_ids,
            positions=positions,
            attention_mask=torch.ones(2, 12, dtype=torch.int64),
        ))
    return cases


def check_padding_is_ignored(model, padded_case):
    """Padding must be invisible: a padded sequence's logits equal those of its real tokens alone."""
    real_length = int(padded_case["attention_mask"][1].sum())
    with torch.no_grad():
        padded = model(padded_case["input_ids"][1:], padded_case["positions"][1:], padded_case["attention_mask"][1:])
        alone = model(padded_case["input_ids"][1:, :real_length], padded_case["positions"][1:])
    difference = (padded - alone).abs().max().item()
    # The tolerance of the ONNX parity check: float32 sums over different lengths round differently, and a
    # trained model's logits are large enough (tens) for that to pass 1e-5 (1.3e-5 on a d128 run).
    if difference > 1e-4:
        raise RuntimeError(f"padding changes the logits of real tokens by {difference}")


def seven_significant_digits(values):
    if isinstance(values, list):
        return [seven_significant_digits(value) for value in values]
    return float(f"{values:.7g}")


def compact_json(value, indent=""):
    """Indented JSON in which lists of plain numbers stay on one line: one logits row per line."""
    inner = indent + "  "
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(key)}: {compact_json(item, inner)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and any(isinstance(item, (list, dict)) for item in value):
        return "[\n" + ",\n".join(inner + compact_json(item, inner) for item in value) + "\n" + indent + "]"
    return json.dumps(value, ensure_ascii=False)


def write_reference_logits(model, cases, path, model_facts=None):
    """model_facts: for a folder without a manifest (a training run's), the vocabularySize, maxLength and
    padTokenId that check_onnx_parity.mjs otherwise reads from lacuna-model.json."""
    serialised = []
    with torch.no_grad():
        for case in cases:
            logits = model(case["input_ids"], case["positions"], case["attention_mask"])
            serialised.append(
                {
                    "name": case["name"],
                    "inputIds": case["input_ids"].tolist(),
                    "positions": case["positions"].tolist(),
                    "attentionMask": case["attention_mask"].tolist(),
                    "logitsShape": list(logits.shape),
                    "logits": seven_significant_digits(logits.tolist()),
                }
            )
    document = {
        "description": "PyTorch float32 logits of model.onnx's source model, rounded to 7 significant digits. "
        "ONNX Runtime should match them within the tolerance.",
        "tolerance": 1e-4,
        **(model_facts or {}),
        "cases": serialised,
    }
    with open(path, "w", encoding="utf-8") as file:
        file.write(compact_json(document) + "\n")


def sha256_of(path):
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()


def write_manifest(folder, vocabulary_size, special_ids, onnx_sha256):
    manifest = {
        "format": "lacuna-model/1",
        "name": NAME,
        "onnx": "model.onnx",
        "tokenizer": "tokenizer.json",
        "tokenizerConfig": "tokenizer_config.json",
        "vocabularySize": vocabulary_size,
        "maxLength": MAX_LENGTH,
        **special_ids,
        "shiftedLogits": False,
        "inputs": {"inputIds": "input_ids", "positions": "positions", "attentionMask": "attention_mask"},
        "outputs": {"logits": "logits", "argmax": "argmax", "logSumExp": "log_sum_exp"},
        "sha256": {"model.onnx": onnx_sha256},
    }
    with open(os.path.join(folder, "lacuna-model.json"), "w", encoding="utf-8") as file:
        file.write(json.dumps(manifest, indent=2) + "\n")


def write_model_card(folder, config, parameter_count, onnx_size, onnx_sha256, special_ids, seed):
    card = f"""# tiny-random

A masked diffusion language model with **random weights**, in Lacuna's
model-folder format. Its outputs are meaningless: it exists so that tests can
load a real model folder, tokenize, run ONNX Runtime and sample in
milliseconds. Do not use it to judge output quality.

## Model

- Mask predictor: bidirectional (no causal mask) pre-LayerNorm Transformer,
  rotary position embeddings, GELU feed-forward, untied LM head
  (`training/model.py`).
- d_model {config.d_model}, {config.n_layers} layers, {config.n_heads} heads, max length {config.max_length},
  vocabulary {config.vocab_size}, {parameter_count:,} parameters, initialised from seed {seed}.
- `model.onnx`: {onnx_size:,} bytes, opset 17, float32,
  sha256 `{onnx_sha256}`.
  Inputs `input_ids`, `positions`, `attention_mask` (int64; batch, length and
  number of positions are dynamic); outputs `logits` [batch, positions, vocabulary]
  for the requested positions only, and each row's `argmax` and `log_sum_exp`.
  Logits are not shifted: row i predicts token i.
- `model-full-logits.onnx`: the same weights with `input_ids` as the only input and
  logits for every position, as many exported models come (for the SDK's tests).

## Tokenizer

Byte-level BPE with {config.vocab_size} tokens, trained on a synthetic corpus of English
sentences and JSON objects generated from a seeded PRNG. Every ASCII digit is
its own token. Special tokens: `<|pad|>` {special_ids["padTokenId"]}, `<|eos|>` {special_ids["eosTokenId"]},
`<|mask|>` {special_ids["maskTokenId"]}, `<|end|>` {special_ids["endOfTurnTokenId"]}; the role tokens `<|system|>`, `<|user|>`,
`<|assistant|>` and `<|tool|>` follow in that order. The chat template in
`tokenizer_config.json` writes each message as `<|role|>content<|end|>` and
the generation prompt as `<|assistant|>`.

## Files

- `lacuna-model.json`: the manifest the SDK reads.
- `model.onnx`, `tokenizer.json`, `tokenizer_config.json`.
- `reference-logits.json`: fixed inputs and their PyTorch logits, for checking
  ONNX Runtime against PyTorch (tolerance 1e-4).

## How it was made

From the repository root, `bash training/make_fixture.sh`, which runs
(`python3` being one with PyTorch and onnx):

```sh
node training/train_tokenizer.mjs --out models/tiny-random/model --vocab-size {config.vocab_size}
node training/check_tokenizer.mjs models/tiny-random/model
python3 training/make_fixture.py --out models/tiny-random/model --seed {seed}
node training/check_onnx_parity.mjs models/tiny-random/model
```

Rebuilding gives byte-identical files (with the same PyTorch version).
"""
    with open(os.path.join(folder, "README.md"), "w", encoding="utf-8") as file:
        file.write(card)


class FullLogits(torch.nn.Module):
    """The model with token ids as its only input, returning logits for every position."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids):
        return self.model(input_ids)


def export_full_logits_variant(model, path):
    with torch.no_grad():
        torch.onnx.export(
            FullLogits(model).eval(),
            (torch.ones(2, 7, dtype=torch.int64),),
            path,
            opset_version=17,
            input_names=["input_ids"],
            output_names=["logits"],
            dynamic_axes={"input_ids": {0: "batch", 1: "length"}, "logits": {0: "batch", 1: "length"}},
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, help="the model folder, already holding the tokenizer files")
    parser.add_argument("--seed", type=int, default=0)
    arguments = parser.parse_args()

    # One thread: the model is tiny, and a fixed reduction order keeps the
    # reference logits identical from run to run.
    torch.set_num_threads(1)
    torch.manual_seed(arguments.seed)

    vocabulary_size, special_ids = read_tokenizer(arguments.out)
    config = ModelConfig(vocab_size=vocabulary_size, d_model=64, n_layers=2, n_heads=4, max_length=MAX_LENGTH)
    model = MaskPredictor(config).eval()

    onnx_path = os.path.join(arguments.out, "model.onnx")
    export_onnx(model, onnx_path)
    check_dynamic_shapes(onnx_path, model.config)
    onnx_size = os.path.getsize(onnx_path)
    if onnx_size > ONNX_SIZE_LIMIT:
        raise RuntimeError(f"model.onnx is {onnx_size} bytes, over the {ONNX_SIZE_LIMIT}-byte budget for a fixture")
    onnx_sha256 = sha256_of(onnx_path)

    # The same weights without the positions and attention_mask inputs, as many exported models come: the SDK's
    # tests use it to check that the predictor slices full logits and batches by length on its own.
    export_full_logits_variant(model, os.path.join(arguments.out, "model-full-logits.onnx"))

    cases = reference_cases(vocabulary_size, special_ids)
    check_padding_is_ignored(model, cases[1])
    write_reference_logits(model, cases, os.path.join(arguments.out, "reference-logits.json"))
    write_manifest(arguments.out, vocabulary_size, special_ids, onnx_sha256)
    write_model_card(arguments.out, config, model.parameter_count(), onnx_size, onnx_sha256, special_ids,
                     arguments.seed)
    print(f"wrote {arguments.out}: model.onnx {onnx_size} bytes, {model.parameter_count()} parameters, "
          f"vocabulary {vocabulary_size}, sha256 {onnx_sha256}")


if __name__ == "__main__":
    main()
