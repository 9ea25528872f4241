"""Export a mask predictor to ONNX in the shape Lacuna's runtime expects.

Inputs (all int64): input_ids [batch, length], positions [batch, positions],
attention_mask [batch, length]. Outputs: logits float32 [batch, positions, vocab], and per row its argmax
(int64) and log-sum-exp (float32): the sampler's reductions over the vocabulary, computed by ONNX Runtime's
vectorised kernels inside the forward pass instead of in JavaScript.

A model with prefix attention also takes a prompt cache, the Past of a prompt encoded before (model.py):
past_keys and past_values float32 [layers, batch, heads, past_length, head_dim], past_states float32
[batch, past_length, d_model], past_ids and past_attention_mask int64 [batch, past_length] (past_length 0 when
there is none), and returns the Past of its own tokens as present_keys, present_values and present_states. The
runtime encodes a prompt once and then runs each denoising step over the answer alone (positions index the
tokens of the call, not the prompt's).

    python3 training/export_onnx.py CHECKPOINT.pt OUT.onnx
"""

import argparse
import os
import sys

import onnx
import torch

# Lets `python3 training/export_onnx.py` import its siblings from any directory.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from checkpoint import load_checkpoint  # noqa: E402
from model import MaskPredictor, Past  # noqa: E402

OPSET = 17
INPUT_NAMES = ["input_ids", "positions", "attention_mask"]
OUTPUT_NAMES = ["logits", "argmax", "log_sum_exp"]
DYNAMIC_AXES = {
    "input_ids": {0: "batch", 1: "length"},
    "positions": {0: "batch", 1: "positions"},
    "attention_mask": {0: "batch", 1: "length"},
    "logits": {0: "batch", 1: "positions"},
    "argmax": {0: "batch", 1: "positions"},
    "log_sum_exp": {0: "batch", 1: "positions"},
}
PAST_INPUT_NAMES = ["past_keys", "past_values", "past_states", "past_ids", "past_attention_mask"]
PRESENT_OUTPUT_NAMES = ["present_keys", "present_values", "present_states"]
PROMPT_CACHE_AXES = {
    "past_keys": {1: "batch", 3: "past_length"},
    "past_values": {1: "batch", 3: "past_length"},
    "past_states": {0: "batch", 1: "past_length"},
    "past_ids": {0: "batch", 1: "past_length"},
    "past_attention_mask": {0: "batch", 1: "past_length"},
    "present_keys": {1: "batch", 3: "length"},
    "present_values": {1: "batch", 3: "length"},
    "present_states": {0: "batch", 1: "length"},
}


def has_prompt_cache(model: MaskPredictor) -> bool:
    """Only a model whose prompt never attends to its answer can keep a prompt's states across answers."""
    return model.config.prefix_attention


def example_inputs(vocab_size: int, batch: int, length: int, position_count: int):
    """Inputs of a given shape for tracing and testing; the values are arbitrary but fixed."""
    generator = torch.Generator().manual_seed(1234)
    input_ids = torch.randint(0, vocab_size, (batch, length), generator=generator, dtype=torch.int64)
    positions = torch.stack([torch.randperm(length, generator=generator)[:position_count] for _ in range(batch)])
    attention_mask = torch.ones(batch, length, dtype=torch.int64)
    return input_ids, positions, attention_mask


def example_past(config, batch: int, length: int):
    """A Past of a given length with arbitrary but fixed values, for tracing and testing."""
    generator = torch.Generator().manual_seed(4321)
    head_dim = config.d_model // config.n_heads
    shape = (config.n_layers, batch, config.n_heads, length, head_dim)
    return Past(keys=torch.randn(shape, generator=generator), values=torch.randn(shape, generator=generator),
                states=torch.randn(batch, length, config.d_model, generator=generator),
                ids=torch.randint(0, config.vocab_size, (batch, length), generator=generator, dtype=torch.int64),
                attention_mask=torch.ones(batch, length, dtype=torch.int64))


def row_summary(logits):
    """Per row, the argmax and log-sum-exp of its logits."""
    # Written out rather than torch.logsumexp: that exports to ReduceLogSumExp, which ONNX Runtime runs
    # several times slower than Exp and ReduceSum, its vectorised kernels.
    maximum = logits.max(dim=-1, keepdim=True).values
    log_sum_exp = maximum.squeeze(-1) + torch.log(torch.exp(logits - maximum).sum(dim=-1))
    return logits.argmax(dim=-1), log_sum_exp


class WithRowSummary(torch.nn.Module):
    """The mask predictor plus, for each returned row, the argmax and log-sum-exp of its logits."""

    def __init__(self, model: MaskPredictor):
        super().__init__()
        self.model = model

    def forward(self, input_ids, positions, attention_mask):
        logits = self.model(input_ids, positions, attention_mask)
        return (logits, *row_summary(logits))


class WithPromptCache(torch.nn.Module):
    """WithRowSummary with a prompt cache: a Past in, the Past of the call's own tokens out."""

    def __init__(self, model: MaskPredictor):
        super().__init__()
        self.model = model

    def forward(self, input_ids, positions, attention_mask, past_keys, past_values, past_states, past_ids,
                past_attention_mask):
        past = Past(past_keys, past_values, past_states, past_ids, past_attention_mask)
        logits, present = self.model.forward_with_present(input_ids, positions, attention_mask, past=past)
        # Reshaped to what they are so that the graph declares their fixed sizes (shape inference loses the
        # head count and size of the rotated keys).
        config = self.model.config
        shape = (config.n_layers, input_ids.shape[0], config.n_heads, input_ids.shape[1], config.d_model // config.n_heads)
        return (logits, *row_summary(logits), present.keys.reshape(shape), present.values, present.states)


def export_onnx(model: MaskPredictor, path: str) -> None:
    cached = has_prompt_cache(model)
    config = model.config
    model = (WithPromptCache if cached else WithRowSummary)(model.eval()).eval()
    # Tracing records the sizes of this example only where they reach Python
    # as plain ints; sizes that differ in every axis (batch 2, length 7,
    # positions 3, past 5) make an accidental constant shape show up as a failure in
    # check_dynamic_shapes rather than stay hidden behind a coincidence.
    tracing_inputs = example_inputs(config.vocab_size, batch=2, length=7, position_count=3)
    if cached:
        tracing_inputs = (*tracing_inputs, *example_past(config, batch=2, length=5))
    with torch.no_grad():
        torch.onnx.export(
            model,
            tracing_inputs,
            path,
            opset_version=OPSET,
            input_names=INPUT_NAMES + (PAST_INPUT_NAMES if cached else []),
            output_names=OUTPUT_NAMES + (PRESENT_OUTPUT_NAMES if cached else []),
            dynamic_axes={**DYNAMIC_AXES, **(PROMPT_CACHE_AXES if cached else {})},
            do_constant_folding=True,
        )
    onnx.checker.check_model(onnx.load(path), full_check=True)


def check_dynamic_shapes(path: str, config) -> None:
    """Confirm the graph declares symbolic batch, length and position axes.

    There is no ONNX Runtime for Python here; running the graph at other sizes
    is done by training/check_onnx_parity.mjs with onnxruntime-node.
    """
    graph = onnx.load(path).graph
    declared = {
        value.name: [dimension.dim_param or dimension.dim_value for dimension in value.type.tensor_type.shape.dim]
        for value in list(graph.input) + list(graph.output)
    }
    expected = {
        "input_ids": ["batch", "length"],
        "positions": ["batch", "positions"],
        "attention_mask": ["batch", "length"],
        "logits": ["batch", "positions", config.vocab_size],
        "argmax": ["batch", "positions"],
        "log_sum_exp": ["batch", "positions"],
    }
    if config.prefix_attention:
        layers, heads, head_dim = config.n_layers, config.n_heads, config.d_model // config.n_heads
        expected.update({
            "past_keys": [layers, "batch", heads, "past_length", head_dim],
            "past_values": [layers, "batch", heads, "past_length", head_dim],
            "past_states": ["batch", "past_length", config.d_model],
            "past_ids": ["batch", "past_length"],
            "past_attention_mask": ["batch", "past_length"],
            "present_keys": [layers, "batch", heads, "length", head_dim],
            "present_values": [layers, "batch", heads, "length", head_dim],
            "present_states": ["batch", "length", config.d_model],
        })
    if declared != expected:
        raise RuntimeError(f"unexpected ONNX signature {declared}, wanted {expected}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checkpoint", help="a .pt file written by checkpoint.save_checkpoint")
    parser.add_argument("output", help="where to write the .onnx file")
    arguments = parser.parse_args()

    model = load_checkpoint(arguments.checkpoint)
    export_onnx(model, arguments.output)
    check_dynamic_shapes(arguments.output, model.config)
    print(f"wrote {arguments.output} ({os.path.getsize(arguments.output)} bytes)")


if __name__ == "__main__":
    main()
