"""Draw a run's loss curve from its metrics.jsonl; works while the run is still training.

    python3 training/loss_curve.py training/runs/NAME     # writes training/runs/NAME/loss-curve.png

Uses matplotlib when it is installed (Debian: apt-get install python3-matplotlib) and otherwise
writes a plainer loss-curve.svg by hand, so that a missing plotting library never fails a run.
"""

import json
import os
import sys


def read_metrics(run_folder: str):
    train, evaluations = [], []
    path = os.path.join(run_folder, "metrics.jsonl")
    # A run shorter than --log-every with no evaluation logged nothing: its curve is empty axes, not a crash.
    if not os.path.exists(path):
        return train, evaluations
    with open(path, encoding="utf-8") as file:
        for line in file:
            if line.strip():
                record = json.loads(line)
                (train if record["kind"] == "train" else evaluations).append(record)
    return train, evaluations


def evaluation_label(mode, t):
    """ "holes t=0.5", or the mode alone for a row without a noise level ("frontier")."""
    return f"{mode} t={t}" if t.replace(".", "", 1).isdigit() else mode


def eval_series(evaluations, quantity):
    """{label: (steps, values)} for each masking mode and t, e.g. "holes t=0.5"."""
    series = {}
    for record in evaluations:
        for mode, by_t in record["results"].items():
            for t, result in by_t.items():
                steps, values = series.setdefault(evaluation_label(mode, t), ([], []))
                steps.append(record["step"])
                values.append(result[quantity])
    return series


def write_loss_curve(run_folder: str) -> str:
    train, evaluations = read_metrics(run_folder)
    try:
        import matplotlib

        matplotlib.use("Agg")  # no display on a training machine
        import matplotlib.pyplot as plt
    except ImportError:
        return _write_svg(run_folder, train, evaluations)

    figure, (loss_axes, accuracy_axes) = plt.subplots(1, 2, figsize=(13, 5))
    loss_axes.plot([r["step"] for r in train], [r["loss"] for r in train], color="0.6", linewidth=1,
                   label="train (weighted objective)")
    for label, (steps, values) in eval_series(evaluations, "loss").items():
        loss_axes.plot(steps, values, marker=".", label=f"eval {label}")
    loss_axes.set_xlabel("step")
    loss_axes.set_ylabel("cross-entropy (nats per masked token)")
    loss_axes.set_yscale("log")
    loss_axes.grid(alpha=0.3)
    loss_axes.legend(fontsize=8)
    for label, (steps, values) in eval_series(evaluations, "accuracy").items():
        accuracy_axes.plot(steps, values, marker=".", label=f"eval {label}")
    accuracy_axes.set_xlabel("step")
    accuracy_axes.set_ylabel("masked-token accuracy")
    accuracy_axes.grid(alpha=0.3)
    accuracy_axes.legend(fontsize=8)
    figure.suptitle(os.path.basename(os.path.abspath(run_folder)))
    figure.tight_layout()
    path = os.path.join(run_folder, "loss-curve.png")
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path


def _write_svg(run_folder, train, evaluations):
    """Training loss and the eval losses as polylines on shared axes: enough to see a trend."""
    width, height, margin = 800, 400, 50
    lines = {"train": ([r["step"] for r in train], [r["loss"] for r in train])}
    lines.update({f"eval {label}": series for label, series in eval_series(evaluations, "loss").items()})
    all_steps = [step for steps, _ in lines.values() for step in steps] or [0, 1]
    all_values = [value for _, values in lines.values() for value in values] or [0, 1]
    low_step, high_step = min(all_steps), max(max(all_steps), min(all_steps) + 1)
    low_value, high_value = 0.0, max(all_values) * 1.05 or 1.0

    def point(step, value):
        x = margin + (step - low_step) / (high_step - low_step) * (width - 2 * margin)
        y = height - margin - (value - low_value) / (high_value - low_value) * (height - 2 * margin)
        return f"{x:.1f},{y:.1f}"

    colours = ["#888", "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="sans-serif" font-size="11">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<polyline points="{point(low_step, high_value)} {point(low_step, 0)} {point(high_step, 0)}" '
        f'fill="none" stroke="black"/>',
        f'<text x="{margin}" y="{margin - 8}">loss (max {high_value:.3g}) against step '
        f'({low_step} to {high_step})</text>',
    ]
    for index, (label, (steps, values)) in enumerate(lines.items()):
        colour = colours[index % len(colours)]
        points = " ".join(point(step, value) for step, value in zip(steps, values))
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="1.5"/>')
        parts.append(f'<text x="{width - margin - 150}" y="{margin + 14 * index}" fill="{colour}">{label}</text>')
    parts.append("</svg>")
    path = os.path.join(run_folder, "loss-curve.svg")
    with open(path, "w", encoding="utf-8") as file:
        file.write("\n".join(parts) + "\n")
    return path


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python3 training/loss_curve.py RUN_FOLDER")
    print(f"wrote {write_loss_curve(sys.argv[1])}")
