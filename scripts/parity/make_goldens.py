#!/usr/bin/python3
"""Golden data for Lacuna's sampler parity tests, produced by the reference implementations themselves.

Usage:
    /usr/bin/python3 scripts/parity/make_goldens.py LLADA_GENERATE_PY FASTDLLM_GENERATE_PY [--out-dir DIR]

LLADA_GENERATE_PY is `generate.py` of github.com/ML-GSAI/LLaDA and FASTDLLM_GENERATE_PY is `llada/generate.py`
of github.com/NVlabs/Fast-dLLM. Neither file is part of Lacuna: they are loaded from the given paths at run
time, with the packages they import but never call here (transformers, Fast-dLLM's model code) replaced by
empty stand-ins, and driven by a fake model whose logits are a deterministic function of the input ids.

Only numbers are written: for each configuration the prompt, every forward pass (the ids the model saw and the
logits it returned for the generated positions), the canvas after every step, the final output and the
per-step transfer counts. Logits are multiples of 1/64 and stored as integers (logit * 64), so that the
float32 values the reference saw are reproduced exactly on the TypeScript side.

The committed goldens were made from LLaDA commit b7e6c3565f194352da44b38dd12b6970597309f3 and Fast-dLLM
commit 24cc59e75f20a6384bae8c905965bb090b96388e (the files' sha256 is recorded in each golden), e.g.:

    git -C LLaDA show HEAD:generate.py > /tmp/llada_generate.py
    git -C Fast-dLLM show HEAD:llada/generate.py > /tmp/fastdllm_generate.py
    /usr/bin/python3 scripts/parity/make_goldens.py /tmp/llada_generate.py /tmp/fastdllm_generate.py

The output is deterministic: rerunning on the same files rewrites the same bytes.

Requires torch (Debian's python3-torch 1.13 is enough).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
import types
from pathlib import Path

import torch

VOCABULARY = 50
# The mask id lies just outside the logits' vocabulary, so the fake model can never predict it.
MASK_ID = VOCABULARY
LOGIT_SCALE = 64
DEFAULT_OUT_DIR = Path(__file__).resolve().parents[2] / 'packages' / 'core' / 'src' / 'scheduler' / '__fixtures__'

# Near-ties would make the comparison depend on rounding (the references take softmax in float32 or float64,
# Lacuna in float64 from float32 logits): every decision in a golden must clear these margins.
MIN_RANK_GAP = 1e-5
MIN_THRESHOLD_GAP = 1e-5


def install_stubs() -> None:
    """Stand-ins for modules the reference files import at top level but that these runs never use."""
    transformers = types.ModuleType('transformers')

    class Unavailable:
        @classmethod
        def from_pretrained(cls, *args, **kwargs):
            raise RuntimeError('transformers is stubbed out in make_goldens.py')

    transformers.AutoTokenizer = Unavailable
    transformers.AutoModel = Unavailable
    sys.modules.setdefault('transformers', transformers)

    model_package = types.ModuleType('model')
    model_package.__path__ = []
    modeling = types.ModuleType('model.modeling_llada')
    modeling.LLaDAModelLM = Unavailable
    model_package.modeling_llada = modeling
    sys.modules.setdefault('model', model_package)
    sys.modules.setdefault('model.modeling_llada', modeling)


def load_module(name: str, path: Path) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f'Cannot load {path}')
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TorchCompat(types.ModuleType):
    """
    torch as the reference module sees it, except that `topk` accepts a one-element tensor for `k`. Fast-dLLM's
    threshold branch passes `num_transfer_tokens[j]`, a tensor of shape (1,), which torch 2 turns into an int
    but torch 1.13 rejects. Nothing else changes.
    """

    def __init__(self) -> None:
        super().__init__('torch')

    def __getattr__(self, name: str):
        return getattr(torch, name)

    @staticmethod
    def topk(input, k, *args, **kwargs):
        if isinstance(k, torch.Tensor):
            k = int(k.item())
        return torch.topk(input, k, *args, **kwargs)


class FakeOutput:
    def __init__(self, logits: torch.Tensor):
        self.logits = logits


class FakeModel:
    """
    Deterministic logits for a batch of one sequence: a fixed random table per position, shifted by the mean
    embedding of the whole input and by the embedding of the previous token, scaled by a per-position
    sharpness (some positions confident, others not) that grows as the generated region fills in, and rounded
    to multiples of 1/64. Each step therefore sees different logits, and the same input always gives the same
    logits.
    """

    def __init__(self, seq_len: int, seed: int, prompt_len: int):
        generator = torch.Generator().manual_seed(seed)
        self.device = torch.device('cpu')
        self.prompt_len = prompt_len
        self.base = torch.randn(seq_len, VOCABULARY, generator=generator)
        self.sharpness = 0.5 + 5.5 * torch.rand(seq_len, 1, generator=generator)
        self.embedding = torch.randn(VOCABULARY + 1, VOCABULARY, generator=generator)
        self.passes: list[dict] = []

    def __call__(self, x: torch.Tensor, attention_mask=None, **kwargs) -> FakeOutput:
        if kwargs:
            raise RuntimeError(f'unexpected model arguments {sorted(kwargs)}')
        if x.shape[0] != 1:
            raise RuntimeError('the fake model takes one sequence')
        ids = x[0]
        context = self.embedding[ids].mean(dim=0, keepdim=True)
        previous = self.embedding[torch.roll(ids, 1)]
        # The model grows surer as the generated region fills in, as real models do.
        filled = (ids[self.prompt_len:] != MASK_ID).to(torch.float32).mean()
        raw = self.sharpness * (1 + 1.5 * filled) * (self.base + 0.8 * context + 0.6 * previous)
        scaled = torch.round(raw * LOGIT_SCALE)
        logits = (scaled / LOGIT_SCALE).to(torch.float32).unsqueeze(0)
        self.passes.append(
            {
                'inputIds': ids.tolist(),
                # Only the generated region: the prompt's rows are never read by either sampler.
                'logits': scaled[self.prompt_len:].to(torch.int64).tolist(),
            }
        )
        return FakeOutput(logits)


def record_transfer_counts(module: types.ModuleType) -> list[list[int]]:
    """Wraps the module's get_num_transfer_tokens (looked up by name at call time) to record each block's counts."""
    recorded: list[list[int]] = []
    # Wrap the reference's own function, never an earlier wrapper, so each run records only its own blocks.
    original = module.__dict__.setdefault('_reference_get_num_transfer_tokens', module.get_num_transfer_tokens)

    def wrapper(mask_index, steps):
        counts = original(mask_index, steps)
        recorded.append(counts[0].tolist())
        return counts

    module.get_num_transfer_tokens = wrapper
    return recorded


def make_prompt(seed: int, length: int) -> list[int]:
    generator = torch.Generator().manual_seed(10_000 + seed)
    return torch.randint(0, VOCABULARY, (length,), generator=generator).tolist()


def probabilities64(scaled_rows: list[list[int]]) -> torch.Tensor:
    return torch.softmax(torch.tensor(scaled_rows, dtype=torch.float64) / LOGIT_SCALE, dim=-1)


def check_margins(config: dict, threshold: float | None) -> dict:
    """
    Re-derives every step's decision from the recorded logits and checks that it does not hinge on a near-tie:
    the last committed and first uncommitted confidences differ clearly, and no confidence sits on the threshold.
    Returns the smallest gaps seen, which the golden records.
    """
    prompt_len = len(config['promptIds'])
    smallest_rank_gap = float('inf')
    smallest_threshold_gap = float('inf')
    for index, forward in enumerate(config['passes']):
        before = forward['inputIds']
        after = config['canvases'][index]
        block = forward['block']
        block_end = prompt_len + (block + 1) * config['blockLength']
        masked = [p for p in range(prompt_len, block_end) if before[p] == MASK_ID]
        committed = {p for p in masked if after[p] != MASK_ID}
        if not masked:
            continue
        probs = probabilities64([forward['logits'][p - prompt_len] for p in masked])
        confidence = {p: probs[i].max().item() for i, p in enumerate(masked)}
        chosen = [confidence[p] for p in committed]
        left = [confidence[p] for p in masked if p not in committed]
        if chosen and left:
            gap = min(chosen) - max(left)
            if threshold is None and gap < MIN_RANK_GAP:
                raise SystemExit(f"{config['name']}: pass {index} hinges on a near-tie ({gap:.3g}); change the seed")
            if threshold is None:
                smallest_rank_gap = min(smallest_rank_gap, gap)
        if threshold is not None:
            for value in confidence.values():
                distance = abs(value - threshold)
                if distance < MIN_THRESHOLD_GAP:
                    raise SystemExit(f"{config['name']}: pass {index} has a confidence {distance:.3g} from the threshold")
                smallest_threshold_gap = min(smallest_threshold_gap, distance)
            ranked = sorted(confidence.values(), reverse=True)
            if len(ranked) > 1 and ranked[0] - ranked[1] < MIN_RANK_GAP:
                raise SystemExit(f"{config['name']}: pass {index} has a near-tie for the top confidence")
    margins = {}
    if smallest_rank_gap != float('inf'):
        margins['smallestRankGap'] = smallest_rank_gap
    if smallest_threshold_gap != float('inf'):
        margins['smallestThresholdGap'] = smallest_threshold_gap
    return margins


def annotate_blocks(config: dict, steps_per_block: int | None) -> None:
    """
    Marks each pass with the block it belongs to: LLaDA gives every block the same number of passes; Fast-dLLM
    works on the first block that still has a mask.
    """
    prompt_len = len(config['promptIds'])
    for index, forward in enumerate(config['passes']):
        if steps_per_block is not None:
            forward['block'] = index // steps_per_block
            continue
        ids = forward['inputIds']
        first_mask = next(p for p in range(prompt_len, len(ids)) if ids[p] == MASK_ID)
        forward['block'] = (first_mask - prompt_len) // config['blockLength']


def run_llada(module: types.ModuleType, name: str, seed: int, prompt_len: int, gen_length: int, steps: int, block_length: int) -> dict:
    prompt_ids = make_prompt(seed, prompt_len)
    model = FakeModel(prompt_len + gen_length, seed, prompt_len)
    counts = record_transfer_counts(module)
    output = module.generate(
        model,
        torch.tensor([prompt_ids]),
        steps=steps,
        gen_length=gen_length,
        block_length=block_length,
        temperature=0.0,
        cfg_scale=0.0,
        remasking='low_confidence',
        mask_id=MASK_ID,
    )
    final = output[0].tolist()
    # The canvas after pass i is what pass i + 1 saw; after the last pass it is the output.
    canvases = [forward['inputIds'] for forward in model.passes[1:]] + [final]
    config = {
        'name': name,
        'reference': 'LLaDA generate()',
        'seed': seed,
        'promptIds': prompt_ids,
        'genLength': gen_length,
        'steps': steps,
        'blockLength': block_length,
        'temperature': 0,
        'remasking': 'low_confidence',
        'transferCounts': counts,
        'forwardPasses': len(model.passes),
        'passes': model.passes,
        'canvases': canvases,
        'final': final,
    }
    annotate_blocks(config, steps // (gen_length // block_length))
    config['margins'] = check_margins(config, None)
    if len(counts) != gen_length // block_length:
        raise SystemExit(f'{name}: recorded {len(counts)} blocks of transfer counts')
    flat_counts = [count for block in counts for count in block]
    for index, count in enumerate(flat_counts):
        before = model.passes[index]['inputIds']
        changed = sum(1 for a, b in zip(before, canvases[index]) if a != b)
        if changed != count:
            raise SystemExit(f'{name}: pass {index} committed {changed} tokens, expected {count}')
    return config


def run_fast_dllm(module: types.ModuleType, name: str, seed: int, prompt_len: int, gen_length: int, steps: int, block_length: int, threshold: float) -> dict:
    prompt_ids = make_prompt(seed, prompt_len)
    model = FakeModel(prompt_len + gen_length, seed, prompt_len)
    counts = record_transfer_counts(module)
    output, nfe = module.generate(
        model,
        torch.tensor([prompt_ids]),
        steps=steps,
        gen_length=gen_length,
        block_length=block_length,
        temperature=0.0,
        remasking='low_confidence',
        mask_id=MASK_ID,
        threshold=threshold,
    )
    final = output[0].tolist()
    canvases = [forward['inputIds'] for forward in model.passes[1:]] + [final]
    if nfe != len(model.passes):
        raise SystemExit(f'{name}: generate() reported {nfe} forward passes, the model saw {len(model.passes)}')
    config = {
        'name': name,
        'reference': 'Fast-dLLM generate() with threshold',
        'seed': seed,
        'promptIds': prompt_ids,
        'genLength': gen_length,
        'steps': steps,
        'blockLength': block_length,
        'temperature': 0,
        'remasking': 'low_confidence',
        'threshold': threshold,
        # Computed by generate() but unused when a threshold is given.
        'transferCounts': counts,
        'forwardPasses': nfe,
        'passes': model.passes,
        'canvases': canvases,
        'final': final,
    }
    annotate_blocks(config, None)
    config['margins'] = check_margins(config, threshold)
    return config


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('llada_generate', type=Path, help='generate.py of ML-GSAI/LLaDA')
    parser.add_argument('fast_dllm_generate', type=Path, help='llada/generate.py of NVlabs/Fast-dLLM')
    parser.add_argument('--out-dir', type=Path, default=DEFAULT_OUT_DIR)
    args = parser.parse_args()

    torch.use_deterministic_algorithms(True)
    install_stubs()
    llada = load_module('reference_llada_generate', args.llada_generate)
    fast_dllm = load_module('reference_fast_dllm_generate', args.fast_dllm_generate)
    fast_dllm.torch = TorchCompat()

    shared = {'vocabularySize': VOCABULARY, 'maskTokenId': MASK_ID, 'logitScale': LOGIT_SCALE}
    llada_configs = [
        run_llada(llada, 'single block, one token per step', 1, 6, 16, 16, 16),
        run_llada(llada, 'semi-autoregressive, 4 blocks of 8, 2 steps each', 2, 7, 32, 8, 8),
        run_llada(llada, 'single block of 24 over 6 steps', 3, 5, 24, 6, 24),
        run_llada(llada, 'uneven counts: 2 blocks of 12 over 5 steps each (3,3,2,2,2)', 4, 6, 24, 10, 12),
        run_llada(llada, 'uneven counts: 10 masks over 4 steps (3,3,2,2)', 5, 4, 10, 4, 10),
        run_llada(llada, 'zero-count steps: 2 blocks of 4 over 6 steps each (1,1,1,1,0,0)', 6, 5, 8, 12, 4),
    ]
    fast_configs = [
        run_fast_dllm(fast_dllm, 'threshold 0.9, single block of 32', 11, 6, 32, 32, 32, 0.9),
        run_fast_dllm(fast_dllm, 'threshold 0.9, 4 blocks of 8', 12, 7, 32, 32, 8, 0.9),
        run_fast_dllm(fast_dllm, 'threshold 0.5, 2 blocks of 16', 13, 5, 32, 32, 16, 0.5),
        run_fast_dllm(fast_dllm, 'threshold 0.5, single block of 24', 14, 6, 24, 24, 24, 0.5),
    ]

    args.out_dir.mkdir(parents=True, exist_ok=True)
    outputs = {
        'llada-golden.json': {
            **shared,
            'source': {'repository': 'ML-GSAI/LLaDA', 'file': 'generate.py', 'sha256': file_digest(args.llada_generate)},
            'configs': llada_configs,
        },
        'fastdllm-golden.json': {
            **shared,
            'source': {
                'repository': 'NVlabs/Fast-dLLM',
                'file': 'llada/generate.py',
                'sha256': file_digest(args.fast_dllm_generate),
            },
            'configs': fast_configs,
        },
    }
    for file_name, content in outputs.items():
        path = args.out_dir / file_name
        path.write_text(json.dumps(content, separators=(',', ':')) + '\n')
        print(f'{path}: {path.stat().st_size} bytes')
    for config in llada_configs + fast_configs:
        per_pass = [
            sum(1 for a, b in zip(forward['inputIds'], config['canvases'][index]) if a != b)
            for index, forward in enumerate(config['passes'])
        ]
        print(f"{config['name']}: {config['forwardPasses']} passes, commits per pass {per_pass}, margins {config['margins']}")


if __name__ == '__main__':
    main()
