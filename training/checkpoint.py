"""Checkpoints: the model config next to the learned weights, in one file."""

from dataclasses import asdict

import torch

from model import MaskPredictor, ModelConfig


def save_checkpoint(model: MaskPredictor, path: str, **extra) -> None:
    # The config travels with the weights so that a checkpoint alone is enough
    # to rebuild the model; extra holds whatever the trainer wants to resume.
    torch.save({"config": asdict(model.config), "model": model.state_dict(), **extra}, path)


def load_checkpoint(path: str) -> MaskPredictor:
    checkpoint = torch.load(path, map_location="cpu")
    model = MaskPredictor(ModelConfig(**checkpoint["config"]))
    model.load_state_dict(checkpoint["model"])
    return model.eval()
