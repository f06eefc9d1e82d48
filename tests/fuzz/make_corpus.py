#!/usr/bin/python3
"""Writes the fuzz targets' seed corpora (tests/fuzz/corpus/<target>/): a few small valid files
of each format and a few broken ones. The output is checked in; rerun after changing a format.
Needs numpy, OpenCV's Python module and onnx (all in scripts/install-deps.sh)."""
import gzip
import json
import os
import struct
import zlib

import cv2
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))


def write(target, name, data):
    folder = os.path.join(HERE, "corpus", target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def gz(data):
    return gzip.compress(data, mtime=0)


# --- IDX: first byte = where the images file ends (fraction of the rest), then both files ---
def idx(dims, payload):
    return bytes([0, 0, 8, len(dims)]) + b"".join(struct.pack(">I", d) for d in dims) + payload


def idx_input(images, labels):
    rest = len(images) + len(labels)
    split = (len(images) * 255 + rest - 1) // rest if rest else 0
    # fuzz_idx cuts at rest * split // 255: search the byte that reproduces the cut exactly.
    for b in range(256):
        if rest * b // 255 == len(images):
            split = b
            break
    return bytes([split]) + images + labels


pixels = bytes(range(48))
write("fuzz_idx", "plain", idx_input(idx([3, 4, 4], pixels), idx([3], b"\x00\x01\x02")))
write("fuzz_idx", "gzip", idx_input(gz(idx([3, 4, 4], pixels)), gz(idx([3], b"\x00\x01\x02"))))
write("fuzz_idx", "rank4", idx_input(idx([2, 2, 2, 3], bytes(24)), idx([2], b"\x01\x00")))
write("fuzz_idx", "truncated", idx_input(idx([3, 4, 4], pixels[:20]), idx([3], b"\x00")))
write("fuzz_idx", "huge-header", idx_input(idx([1000000, 4096, 4096], b""), idx([1], b"\x00")))

# --- CIFAR-10: records of one label byte and 3 x 32 x 32 pixels ---
record = bytes([3]) + bytes((i * 7) % 256 for i in range(3072))
write("fuzz_cifar", "one-record", record)
write("fuzz_cifar", "two-records.gz", gz(record + bytes([9]) + record[1:]))
write("fuzz_cifar", "short", record[:1000])
write("fuzz_cifar", "bad-label", bytes([200]) + record[1:])

# --- Images: one tiny file of each accepted format, and a broken one ---
gray = (np.arange(16, dtype=np.uint8) * 16).reshape(4, 4)
colour = np.dstack([gray, gray[::-1], gray.T])
for ext, img in ((".png", gray), (".jpg", colour), (".bmp", colour), (".webp", colour)):
    ok, data = cv2.imencode(ext, img)
    assert ok
    write("fuzz_image_folder", "tiny" + ext, data.tobytes())
ok, data = cv2.imencode(".png", colour)
write("fuzz_image_folder", "cut.png", data.tobytes()[: len(data) // 2])


# --- .csmodel: magic, version, JSON length, JSON, float32 tensors, CRC-32 ---
def csmodel(doc, floats):
    text = json.dumps(doc, separators=(",", ":")).encode()
    body = b"CSMODEL\0" + struct.pack("<IQ", 1, len(text)) + text + np.asarray(floats, np.float32).tobytes()
    return body + struct.pack("<I", zlib.crc32(body))


graph = {"nodes": [
    {"id": 1, "kind": "Input", "name": "input", "options": {"height": 4, "width": 4, "channels": 1}, "inputs": []},
    {"id": 2, "kind": "Conv2D", "name": "conv", "options": {"filters": 2, "kernel_size": 3, "padding": "same"},
     "inputs": [1]},
    {"id": 3, "kind": "Flatten", "name": "flatten", "options": {}, "inputs": [2]},
    {"id": 4, "kind": "Dense", "name": "dense", "options": {"units": 2, "activation": "softmax"}, "inputs": [3]},
]}
pre = {"height": 4, "width": 4, "channels": 1, "scaling": "unit", "invert": False}
tensors, floats = [], []


def tensor(name, batch, shape):
    count = batch * int(np.prod(shape))
    tensors.append({"name": name, "batch": batch, "shape": shape, "offset": len(floats), "count": count})
    floats.extend(np.linspace(-1, 1, count))


tensor("conv/kernel", 2, [1, 3, 3])
tensor("conv/bias", 1, [2])
tensor("dense/kernel", 2, [32])
tensor("dense/bias", 1, [2])
doc = {"format": "convstudio-model", "version": 1, "graph": graph, "preprocessing": pre,
       "class_names": ["a", "b"], "training": {}, "history": [], "project": {}, "checkpoint": {}, "seed": 1,
       "tensors": tensors}
write("fuzz_model_file", "trained.csmodel", csmodel(doc, floats))
untrained = dict(doc, tensors=[])
write("fuzz_model_file", "untrained.csmodel", csmodel(untrained, []))
full = csmodel(doc, floats)
write("fuzz_model_file", "truncated.csmodel", full[: len(full) // 2])
history = dict(untrained, history=[{"epochs": 2, "history": [{"epoch": 1, "loss": 0.5, "accuracy": 0.8}]}],
               project={"dataset": "builtin:shapes"})
write("fuzz_model_file", "project.csmodel", csmodel(history, []))


# --- ONNX: a small Conv/Relu/MaxPool/Flatten/Gemm model, and a Reshape fed by Shape arithmetic ---
def onnx_model(nodes, inits, in_shape, out_dim):
    g = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, in_shape)],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", out_dim])], inits)
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)]).SerializeToString()


rng = np.random.default_rng(1)
w = lambda name, *shape: numpy_helper.from_array(rng.standard_normal(shape).astype(np.float32), name)
write("fuzz_onnx_import", "cnn.onnx", onnx_model([
    helper.make_node("Conv", ["x", "k", "b"], ["c"], name="conv", kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
    helper.make_node("Relu", ["c"], ["r"], name="relu"),
    helper.make_node("MaxPool", ["r"], ["p"], name="pool", kernel_shape=[2, 2], strides=[2, 2]),
    helper.make_node("Flatten", ["p"], ["f"], name="flatten"),
    helper.make_node("Gemm", ["f", "W", "B"], ["y"], name="dense", transB=1),
], [w("k", 2, 1, 3, 3), w("b", 2), w("W", 3, 8), w("B", 3)], ["N", 1, 4, 4], 3))
write("fuzz_onnx_import", "reshape.onnx", onnx_model([
    helper.make_node("Shape", ["x"], ["s"], name="shape"),
    helper.make_node("Gather", ["s", "zero"], ["n"], name="gather", axis=0),
    helper.make_node("Unsqueeze", ["n", "axes"], ["n1"], name="unsqueeze"),
    helper.make_node("Concat", ["n1", "minus1"], ["shape2"], name="concat", axis=0),
    helper.make_node("Reshape", ["x", "shape2"], ["f"], name="reshape"),
    helper.make_node("MatMul", ["f", "W"], ["m"], name="matmul"),
    helper.make_node("Add", ["m", "B"], ["y"], name="add"),
], [numpy_helper.from_array(np.array(0, np.int64), "zero"), numpy_helper.from_array(np.array([0], np.int64), "axes"),
    numpy_helper.from_array(np.array([-1], np.int64), "minus1"), w("W", 16, 2), w("B", 2)], ["N", 1, 4, 4], 2))
write("fuzz_onnx_import", "garbage.onnx", b"\x08\x07\x12\x04test" + bytes(20))

# --- --augment specs ---
for i, spec in enumerate(["shift=0.1,rotate=10,zoom=0.1,hflip,noise=0.05@0.5", "erase=0.2@0.3,crop=4",
                          "vflip@0.5,brightness=0.2,contrast=0.3", "rotate=1e9@2", "shift=,=@"]):
    write("fuzz_augment_spec", f"spec{i}", spec)
