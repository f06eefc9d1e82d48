#!/usr/bin/python3
"""Exports torchvision's standard image models to ONNX for the import test (test_torchvision_import).

Besides the six models, "blocks" assembles their pieces that need no padded, grouped or dilated
convolution (see blocks_model). For each model and opset it writes MODEL_opsetN.onnx into OUT_DIR, plus one fixed input image
(input.png, 96x96 RGB) and, per model, PyTorch's class probabilities for that image
(MODEL.probabilities.json). Weights are random but seeded, with random BatchNorm statistics so
that normalisation is not the identity; 10 classes keep the probabilities far from uniform noise.
The input the models see is the image scaled to 0..1, which is ConvStudio's default
preprocessing for an imported model without metadata.

Exit status 3 (and a message) when torch or torchvision is not installed, so the test can skip.
Run with Debian's /usr/bin/python3 (python3-torch, python3-torchvision).
"""
import argparse
import json
import os
import sys

MODELS = ["resnet18", "mobilenet_v2", "mobilenet_v3_small", "squeezenet1_1", "shufflenet_v2_x0_5", "efficientnet_b0",
          "blocks"]
SIZE = 96
CLASSES = 10


def randomize_batchnorm(model, generator):
    import torch

    for m in model.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            with torch.no_grad():
                m.running_mean.copy_(torch.randn(m.num_features, generator=generator) * 0.1)
                m.running_var.copy_(torch.rand(m.num_features, generator=generator) * 0.5 + 0.75)
                m.weight.copy_(torch.rand(m.num_features, generator=generator) * 0.5 + 0.75)
                m.bias.copy_(torch.randn(m.num_features, generator=generator) * 0.1)


def blocks_model():
    """The pieces of the six models that need no Conv padding, groups or dilation (1x1 and
    unpadded convolutions), taken from torchvision where it has them: ReLU6, Hardswish,
    Hardsigmoid, SiLU and GELU, torchvision's SqueezeExcitation (both gates), ShuffleNet's
    chunk / channel_shuffle / concat, a padded MaxPool after a ReLU, residual Add, Dropout."""
    import torch
    from torch import nn
    from torchvision.models.shufflenetv2 import channel_shuffle
    from torchvision.ops import SqueezeExcitation

    class Blocks(nn.Module):
        def __init__(self):
            super().__init__()
            self.stem = nn.Sequential(nn.Conv2d(3, 16, 3, stride=2), nn.BatchNorm2d(16), nn.ReLU(inplace=True))
            self.pool = nn.MaxPool2d(3, 2, 1)
            self.expand = nn.Sequential(nn.Conv2d(16, 32, 1), nn.BatchNorm2d(32), nn.ReLU6(inplace=True))
            self.se_v3 = SqueezeExcitation(32, 8, scale_activation=nn.Hardsigmoid)
            self.hswish = nn.Sequential(nn.Conv2d(32, 32, 1), nn.Hardswish())
            self.se_eff = SqueezeExcitation(32, 8, activation=nn.SiLU)
            self.silu = nn.Sequential(nn.Conv2d(32, 32, 1), nn.BatchNorm2d(32), nn.SiLU())
            self.branch = nn.Sequential(nn.Conv2d(16, 16, 1), nn.BatchNorm2d(16), nn.ReLU(inplace=True))
            self.gelu = nn.Sequential(nn.Conv2d(32, 32, 1), nn.GELU())
            self.project = nn.Conv2d(32, 32, 1)
            self.head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(1), nn.Dropout(0.2), nn.Linear(32, 64),
                                      nn.Hardswish(), nn.Linear(64, CLASSES))

        def forward(self, x):
            x = self.pool(self.stem(x))
            x = self.se_v3(self.expand(x))
            x = self.se_eff(self.hswish(x))
            x = self.silu(x)
            a, b = x.chunk(2, dim=1)
            x = channel_shuffle(torch.cat((a, self.branch(b)), dim=1), 2)
            x = x + self.project(self.gelu(x))
            return self.head(x)

    return Blocks()


def build(name):
    import torch
    import torchvision

    torch.manual_seed(1234)
    if name == "blocks":
        model = blocks_model()
    else:
        model = getattr(torchvision.models, name)(weights=None, num_classes=CLASSES)
    randomize_batchnorm(model, torch.Generator().manual_seed(99))
    # Randomly initialised heads give nearly uniform probabilities, which would hide errors:
    # a larger last layer spreads them out.
    last = [m for m in model.modules() if getattr(m, "weight", None) is not None and m.weight.shape[0] == CLASSES][-1]
    with torch.no_grad():
        last.weight.mul_(20.0)
    return model.eval()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--opsets", default="11,17")
    parser.add_argument("--models", default=",".join(MODELS))
    args = parser.parse_args()
    try:
        import numpy
        import torch
        import torchvision  # noqa: F401
        from PIL import Image
    except ImportError as e:
        print(f"torchvision is not installed ({e})", file=sys.stderr)
        return 3
    torch.set_num_threads(1)
    os.makedirs(args.out_dir, exist_ok=True)
    rng = numpy.random.default_rng(7)
    pixels = rng.integers(0, 256, size=(SIZE, SIZE, 3), dtype=numpy.uint8)
    Image.fromarray(pixels, "RGB").save(os.path.join(args.out_dir, "input.png"))
    x = torch.from_numpy(pixels.astype(numpy.float32) / 255.0).permute(2, 0, 1).unsqueeze(0).contiguous()
    for name in args.models.split(","):
        model = build(name)
        with torch.no_grad():
            p = torch.softmax(model(x).double(), dim=1)[0].tolist()
        with open(os.path.join(args.out_dir, f"{name}.probabilities.json"), "w") as f:
            json.dump({"model": name, "probabilities": p}, f)
        for opset in [int(o) for o in args.opsets.split(",")]:
            path = os.path.join(args.out_dir, f"{name}_opset{opset}.onnx")
            torch.onnx.export(model, x, path, opset_version=opset, input_names=["image"], output_names=["logits"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
