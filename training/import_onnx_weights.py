"""Rebuild a checkpoint from a model.onnx that export_onnx.py wrote, for a model whose checkpoint is gone
(the shipped default model was trained on another machine): re-exporting it with today's export_onnx.py then
gives its weights today's ONNX interface (the prompt cache, for instance).

The exporter folds each Linear's transposed weight into an anonymous initializer (onnx::MatMul_829), so
names alone do not say which parameter is which. This script exports a model of the same config with random
weights through the same exporter, in the interface the old file has, and finds each of its parameters among
that export's initializers by value. A named initializer (model.final_norm.weight) is then taken from the old
file by name; an anonymous one by its shape and its rank among the initializers of that shape, which follows
the order the forward pass uses them in (the blocks' in block order, the copy head's query before its key) and
survives reorderings of code between exports. The result must reproduce the folder's reference-logits.json
within its tolerance, or nothing is written.

    python3 training/import_onnx_weights.py models/default/model --heads 4 --prefix-attention --out CHECKPOINT.pt \
        [--export FOLDER]

--export writes FOLDER/model.onnx from the rebuilt model with today's export_onnx.py, and FOLDER/reference-logits.json:
the old reference cases with the rebuilt model's logits. Check it with `node training/check_onnx_parity.mjs FOLDER`
once FOLDER's lacuna-model.json names the new file's sha256.
"""

import argparse
import json
import os
import sys
import tempfile

import onnx
import torch
from onnx import numpy_helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from checkpoint import save_checkpoint  # noqa: E402
from export_onnx import WithPromptCache, WithRowSummary, check_dynamic_shapes, example_inputs, example_past, export_onnx  # noqa: E402
from make_fixture import write_reference_logits  # noqa: E402
from model import MaskPredictor, ModelConfig  # noqa: E402


def config_of(graph_weights, manifest, arguments) -> ModelConfig:
    """The config: sizes from the weights' shapes and the manifest, the rest from the flags (what shapes do not
    show: the head count, prefix attention)."""
    embedding = graph_weights["model.token_embedding.weight"]
    layers = len({name.split(".")[2] for name in graph_weights if name.startswith("model.blocks.")})
    tokenizer = json.load(open(os.path.join(arguments.folder, manifest["tokenizer"]), encoding="utf-8"))
    answer_start = next((token["id"] for token in tokenizer["added_tokens"] if token["content"] == "<|assistant|>"), -1)
    return ModelConfig(
        vocab_size=embedding.shape[0], d_model=embedding.shape[1], n_layers=layers, n_heads=arguments.heads,
        max_length=manifest["maxLength"], copy_head="model.copy_gate.bias" in graph_weights,
        mask_token_id=manifest["maskTokenId"], copy_normalised="model.copy_scale" in graph_weights,
        prefix_attention=arguments.prefix_attention,
        answer_start_token_id=answer_start if arguments.prefix_attention else -1,
    )


def export_initializers(model: MaskPredictor, old_inputs) -> list:
    """The initializers, in graph order, of `model` exported in the interface whose input names are old_inputs."""
    cached = "past_keys" in old_inputs
    wrapper = (WithPromptCache if cached else WithRowSummary)(model).eval()
    inputs = example_inputs(model.config.vocab_size, batch=2, length=7, position_count=3)
    if cached:
        inputs = (*inputs, *example_past(model.config, batch=2, length=5))
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "probe.onnx")
        with torch.no_grad():
            torch.onnx.export(wrapper, inputs, path, opset_version=17, input_names=old_inputs,
                              do_constant_folding=True)
        return list(onnx.load(path).graph.initializer)


def largest_difference(model: MaskPredictor, reference) -> float:
    """The largest difference between the model's logits and the reference's, over all cases."""
    worst = 0.0
    with torch.no_grad():
        for case in reference["cases"]:
            logits = model(torch.tensor(case["inputIds"]), torch.tensor(case["positions"]),
                           torch.tensor(case["attentionMask"]))
            worst = max(worst, (logits - torch.tensor(case["logits"])).abs().max().item())
    return worst


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", help="a model folder: lacuna-model.json, its ONNX file, reference-logits.json")
    parser.add_argument("--heads", type=int, required=True, help="attention heads (the weights do not show them)")
    parser.add_argument("--prefix-attention", action="store_true", help="the model was trained with prefix attention")
    parser.add_argument("--out", required=True, help="where to write the checkpoint")
    parser.add_argument("--export", metavar="FOLDER", help="also export model.onnx and reference-logits.json there")
    arguments = parser.parse_args()

    manifest = json.load(open(os.path.join(arguments.folder, "lacuna-model.json"), encoding="utf-8"))
    old_graph = onnx.load(os.path.join(arguments.folder, manifest["onnx"])).graph
    old_inputs = [value.name for value in old_graph.input]
    old_weights = [numpy_helper.to_array(tensor) for tensor in old_graph.initializer]
    config = config_of({tensor.name: array for tensor, array in zip(old_graph.initializer, old_weights)}, manifest,
                       arguments)

    torch.manual_seed(0)
    model = MaskPredictor(config).eval()
    # Values unique to each parameter (initialisation leaves LayerNorms all ones), so that each is found once.
    with torch.no_grad():
        for parameter in model.parameters():
            parameter.normal_()
        if config.copy_head:
            model.space_stripped_ids.copy_(torch.randperm(config.vocab_size))
    probe = export_initializers(model, old_inputs)
    if sorted(str(list(tensor.dims)) for tensor in probe) != sorted(str(list(array.shape)) for array in old_weights):
        sys.exit("the old graph's initializers differ in number or shape from an export of this config: "
                 "check --heads and --prefix-attention, or the file was exported by another model.py")
    probe_arrays = [numpy_helper.to_array(tensor) for tensor in probe]
    old_by_name = {tensor.name: index for index, tensor in enumerate(old_graph.initializer)}

    def old_counterpart(index: int) -> int:
        name = probe[index].name
        if not name.startswith("onnx::"):
            return old_by_name[name]
        shape = list(probe[index].dims)
        rank = sum(1 for tensor in probe[:index] if tensor.name.startswith("onnx::") and list(tensor.dims) == shape)
        same_shape = [position for position, tensor in enumerate(old_graph.initializer)
                      if tensor.name.startswith("onnx::") and list(tensor.dims) == shape]
        return same_shape[rank]

    state = model.state_dict()
    for name, parameter in state.items():
        value = parameter.numpy()
        # Random weights are unique: the parameter is the initializer equal to it, or to its transpose (a
        # Linear's weight, folded for MatMul; a square one has the same shape either way).
        matches = [(index, False) for index, array in enumerate(probe_arrays)
                   if array.shape == value.shape and (array == value).all()]
        matches += [(index, True) for index, array in enumerate(probe_arrays)
                    if value.ndim == 2 and array.shape == value.T.shape and (array == value.T).all()]
        if len(matches) != 1:
            sys.exit(f"cannot place parameter {name}: {len(matches)} initializers of the probe export hold it")
        index, transposed = matches[0]
        old = torch.from_numpy(old_weights[old_counterpart(index)].copy())
        state[name] = old.T.contiguous() if transposed else old
    reference = json.load(open(os.path.join(arguments.folder, "reference-logits.json"), encoding="utf-8"))
    candidates = [state]
    if config.copy_head:
        # Exports made before commit 23139f3 computed the share of a copy that drops the leading space as
        # sigmoid(x) of the strip gate; model.py now computes the share that keeps it so (and drops by sigmoid(-x)).
        candidates.append({**state, "strip_gate.weight": -state["strip_gate.weight"],
                           "strip_gate.bias": -state["strip_gate.bias"]})
    for candidate in candidates:
        model.load_state_dict(candidate)
        worst = largest_difference(model, reference)
        if worst <= reference["tolerance"]:
            break
    else:
        sys.exit(f"the rebuilt model misses the reference logits by {worst:.2e} (tolerance {reference['tolerance']})")
    save_checkpoint(model, arguments.out, imported_from=os.path.join(arguments.folder, manifest["onnx"]))
    print(f"wrote {arguments.out}: reference logits reproduced within {worst:.2e}")
    if arguments.export:
        onnx_path = os.path.join(arguments.export, "model.onnx")
        export_onnx(model, onnx_path)
        check_dynamic_shapes(onnx_path, model.config)
        cases = [{"name": case["name"], "input_ids": torch.tensor(case["inputIds"]),
                  "positions": torch.tensor(case["positions"]), "attention_mask": torch.tensor(case["attentionMask"])}
                 for case in reference["cases"]]
        facts = {field: reference[field] for field in ("vocabularySize", "maxLength", "padTokenId") if field in reference}
        write_reference_logits(model, cases, os.path.join(arguments.export, "reference-logits.json"), model_facts=facts)
        print(f"wrote {onnx_path} ({os.path.getsize(onnx_path):,} bytes) and its reference-logits.json")


if __name__ == "__main__":
    main()
