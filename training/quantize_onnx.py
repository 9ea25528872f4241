"""
Writes an int8 copy of an exported model for faster CPU inference: every matrix product with a constant
weight matrix (the blocks' projections, the LM head, the copy pointer's query and key) runs on int8 weights,
with the activations quantised on the fly, as onnxruntime's `quantize_dynamic` does. Debian has no
onnxruntime for Python, so the graph is rewritten here with the `onnx` package alone.

    /usr/bin/python3 training/quantize_onnx.py --onnx training/runs/default/model.onnx \
        --out training/runs/default/model.int8.onnx

Each `MatMul(x, W)` becomes

    DynamicQuantizeLinear(x) -> x_q (uint8), x_scale, x_zero_point
    MatMulInteger(x_q, W_q, x_zero_point, 0) -> int32
    Cast(float) * (x_scale * W_scale)

which onnxruntime's graph optimiser fuses into one `DynamicQuantizeMatMul` kernel. The weights are quantised
per output column and symmetrically (zero point 0), so a column of small weights keeps its precision.

Seven bits by default (`--weight-bits 7`, onnxruntime's `reduce_range`): on x86 CPUs without AVX-512 VNNI,
onnxruntime multiplies uint8 by int8 with an instruction that adds pairs of products into int16, and
255 * 127 * 2 overflows it; 255 * 63 * 2 does not. With VNNI (or on ARM) 8 bits are exact as well.

Products of two activations (attention's scores and mixing) and projections to fewer than 16 columns (the
copy head's gates) stay float32: the first have no constant weight, the second cost nothing.
"""

import argparse
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

SMALLEST_QUANTISED_WIDTH = 16


def quantise_weight(weight, bits):
    """Per-column symmetric quantisation: W ~ W_q * scale[column], W_q in [-limit, limit]."""
    limit = 2 ** (bits - 1) - 1
    scale = np.maximum(np.abs(weight).max(axis=0), 1e-12) / limit
    quantised = np.clip(np.round(weight / scale), -limit, limit).astype(np.int8)
    return quantised, scale.astype(np.float32)


def quantise_model(model, bits):
    graph = model.graph
    initializers = {initializer.name: initializer for initializer in graph.initializer}
    nodes = []
    quantised_activations = set()  # one DynamicQuantizeLinear per activation, however many products read it
    count = 0
    for node in graph.node:
        weight_name = node.input[1] if node.op_type == "MatMul" else None
        weight_initializer = initializers.get(weight_name)
        if weight_initializer is None or len(weight_initializer.dims) != 2 or weight_initializer.dims[1] < SMALLEST_QUANTISED_WIDTH:
            nodes.append(node)
            continue
        quantised, scale = quantise_weight(numpy_helper.to_array(weight_initializer).astype(np.float32), bits)
        graph.initializer.extend([
            numpy_helper.from_array(quantised, f"{weight_name}_quantised"),
            numpy_helper.from_array(scale, f"{weight_name}_scale"),
            numpy_helper.from_array(np.zeros((), dtype=np.int8), f"{weight_name}_zero_point"),
        ])
        activation = node.input[0]
        if activation not in quantised_activations:
            quantised_activations.add(activation)
            nodes.append(helper.make_node(
                "DynamicQuantizeLinear", [activation],
                [f"{activation}_quantised", f"{activation}_scale", f"{activation}_zero_point"],
                name=f"{node.name}/quantise_input"))
        nodes += [
            helper.make_node(
                "MatMulInteger",
                [f"{activation}_quantised", f"{weight_name}_quantised", f"{activation}_zero_point", f"{weight_name}_zero_point"],
                [f"{node.name}/int32"], name=f"{node.name}/integer"),
            helper.make_node("Cast", [f"{node.name}/int32"], [f"{node.name}/float"], to=TensorProto.FLOAT, name=f"{node.name}/cast"),
            helper.make_node("Mul", [f"{activation}_scale", f"{weight_name}_scale"], [f"{node.name}/scale"], name=f"{node.name}/scale"),
            helper.make_node("Mul", [f"{node.name}/float", f"{node.name}/scale"], [node.output[0]], name=f"{node.name}/rescale"),
        ]
        count += 1
    del graph.node[:]
    graph.node.extend(nodes)
    # The float32 weights that were replaced are no longer read by any node.
    read = {name for node in graph.node for name in node.input}
    kept = [initializer for initializer in graph.initializer if initializer.name in read]
    del graph.initializer[:]
    graph.initializer.extend(kept)
    return count


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--onnx", required=True, help="the float32 export")
    parser.add_argument("--out", required=True, help="where to write the int8 model")
    parser.add_argument("--weight-bits", type=int, choices=[7, 8], default=7)
    args = parser.parse_args()
    model = onnx.load(args.onnx)  # external weight data beside the graph is read too
    count = quantise_model(model, args.weight_bits)
    # A protobuf holds at most 2 GB: larger models (an 8B one even in int8) keep their weights in a data file.
    large = sum(len(initializer.raw_data) for initializer in model.graph.initializer) > 1_800_000_000
    if large:
        onnx.save(model, args.out, save_as_external_data=True, all_tensors_to_one_file=True,
                  location=os.path.basename(args.out) + ".data")
    else:
        onnx.save(model, args.out)
    onnx.checker.check_model(args.out)
    print(f"{args.out}: {count} matrix products on int8 weights ({args.weight_bits} bits), the rest float32")


if __name__ == "__main__":
    main()
