"""Export a mask predictor to ONNX in the shape Lacuna's runtime expects.

Inputs (all int64): input_ids [batch, length], positions [batch, positions],
attention_mask [batch, length]. Outputs: logits float32 [batch, positions, vocab], and per row its argmax
(int64) and log-sum-exp (float32): the sampler's reductions over the vocabulary, computed by ONNX Runtime's
vectorised kernels inside the forward pass instead of in JavaScript.

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
from model import MaskPredictor  # noqa: E402

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


def example_inputs(vocab_size: int, batch: int, length: int, position_count: int):
    """Inputs of a given shape for tracing and testing; the values are arbitrary but fixed."""
    generator = torch.Generator().manual_seed(1234)
    input_ids = torch.randint(0, vocab_size, (batch, length), generator=generator, dtype=torch.int64)
    positions = torch.stack([torch.randperm(length, generator=generator)[:position_count] for _ in range(batch)])
    attention_mask = torch.ones(batch, length, dtype=torch.int64)
    return input_ids, positions, attention_mask


class WithRowSummary(torch.nn.Module):
    """The mask predictor plus, for each returned row, the argmax and log-sum-exp of its logits."""

    def __init__(self, model: MaskPredictor):
        super().__init__()
        self.model = model

    def forward(self, input_ids, positions, attention_mask):
        logits = self.model(input_ids, positions, attention_mask)
        # Written out rather than torch.logsumexp: that exports to ReduceLogSumExp, which ONNX Runtime runs
        # several times slower than Exp and ReduceSum, its vectorised kernels.
        maximum = logits.max(dim=-1, keepdim=True).values
        log_sum_exp = maximum.squeeze(-1) + torch.log(torch.exp(logits - maximum).sum(dim=-1))
        return logits, logits.argmax(dim=-1), log_sum_exp


def export_onnx(model: MaskPredictor, path: str) -> None:
    model = WithRowSummary(model.eval()).eval()
    # Tracing records the sizes of this example only where they reach Python
    # as plain ints; sizes that differ in every axis (batch 2, length 7,
    # positions 3) make an accidental constant shape show up as a failure in
    # check_dynamic_shapes rather than stay hidden behind a coincidence.
    tracing_inputs = example_inputs(model.model.config.vocab_size, batch=2, length=7, position_count=3)
    with torch.no_grad():
        torch.onnx.export(
            model,
            tracing_inputs,
            path,
            opset_version=OPSET,
            input_names=INPUT_NAMES,
            output_names=OUTPUT_NAMES,
            dynamic_axes=DYNAMIC_AXES,
            do_constant_folding=True,
        )
    onnx.checker.check_model(onnx.load(path), full_check=True)


def check_dynamic_shapes(path: str, vocab_size: int) -> None:
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
        "logits": ["batch", "positions", vocab_size],
        "argmax": ["batch", "positions"],
        "log_sum_exp": ["batch", "positions"],
    }
    if declared != expected:
        raise RuntimeError(f"unexpected ONNX signature {declared}, wanted {expected}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checkpoint", help="a .pt file written by checkpoint.save_checkpoint")
    parser.add_argument("output", help="where to write the .onnx file")
    arguments = parser.parse_args()

    model = load_checkpoint(arguments.checkpoint)
    export_onnx(model, arguments.output)
    check_dynamic_shapes(arguments.output, model.config.vocab_size)
    print(f"wrote {arguments.output} ({os.path.getsize(arguments.output)} bytes)")


if __name__ == "__main__":
    main()
