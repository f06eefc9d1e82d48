"""The hostile inputs: each builder writes files under a folder and returns the cases it made.

A case is one input (a file or a folder) and what a correct convstudio-cli does with it:
"error" (exit code 1, a message naming the file or its folder), "ok" (exit code 0: the input
is legitimately fine, perhaps with problems listed) or "either". Everything is written here,
nothing downloaded: IDX, image folders (PNG/BMP by hand), CIFAR-10 batches, .csmodel
files (re-serialized with a valid checksum when the point is the content), ONNX bytes.
Python's standard library only.
"""

import gzip
import json
import os
import random
import stat
import struct
import zlib
from dataclasses import dataclass, field


@dataclass
class Case:
    klass: str  # the class of hostile input: truncated, gzip bomb, deep JSON, ...
    kind: str  # what it is given as: dataset, model, checkpoint, onnx, image
    path: str
    expect: str = "error"  # error | ok | either
    names: list = field(default_factory=list)  # acceptable names in the message (default: the path's)

    def accepted_names(self):
        base = os.path.basename(self.path.rstrip("/"))
        return self.names + [base]


# ---- Small writers ---------------------------------------------------------------------------


def idx_images(count, rows=28, cols=28, seed=0):
    header = struct.pack(">IIII", 0x00000803, count, rows, cols)
    return header + random.Random(seed).randbytes(count * rows * cols)


def idx_labels(count, classes=3, seed=0):
    rng = random.Random(seed + 1)
    return struct.pack(">II", 0x00000801, count) + bytes(rng.randrange(classes) for _ in range(count))


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def write_idx_folder(folder, images, labels, gz=True, test=True):
    """An MNIST-style folder: train pair (and a small t10k pair)."""
    suffix = ".gz" if gz else ""
    pack = gzip.compress if gz else (lambda b: b)
    write(os.path.join(folder, "train-images-idx3-ubyte" + suffix), pack(images))
    write(os.path.join(folder, "train-labels-idx1-ubyte" + suffix), pack(labels))
    if test:
        write(os.path.join(folder, "t10k-images-idx3-ubyte" + suffix), pack(idx_images(12, seed=5)))
        write(os.path.join(folder, "t10k-labels-idx1-ubyte" + suffix), pack(idx_labels(12, seed=5)))


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width, height, pixels=None, idat=None):
    """A gray 8-bit PNG of `pixels` (bytes, row by row; zeros by default); `idat` overrides the
    compressed data (to declare more than is there)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    if idat is None:
        pixels = pixels if pixels is not None else bytes(width * height)
        raw = b"".join(b"\0" + pixels[y * width:(y + 1) * width] for y in range(height))
        idat = zlib.compress(raw)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b"")


def bmp_header(width, height):
    """A 24-bit BMP header declaring width x height, with (almost) no pixels after it."""
    row = (width * 3 + 3) & ~3
    size = 54 + row * height
    return (b"BM" + struct.pack("<IHHI", size & 0xFFFFFFFF, 0, 0, 54) +
            struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, (row * height) & 0xFFFFFFFF, 2835, 2835, 0, 0))


def write_image_folder(folder, classes=("circle", "square", "cross"), per_class=4, size=28):
    rng = random.Random(7)
    for c in classes:
        for i in range(per_class):
            write(os.path.join(folder, c, f"{i}.png"), png(size, size, rng.randbytes(size * size)))


def cifar_batch(count, seed=0):
    rng = random.Random(seed)
    out = bytearray()
    for _ in range(count):
        out.append(rng.randrange(10))
        out += rng.randbytes(3072)
    return bytes(out)


def sparse(path, size):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.truncate(size)


# ---- .csmodel ---------------------------------------------------------------------------------

HEADER = 20  # "CSMODEL\0", uint32 version, uint64 JSON length


def split_model(data):
    (length,) = struct.unpack_from("<Q", data, 12)
    doc = json.loads(data[HEADER:HEADER + length])
    tensors = data[HEADER + length:-4]
    return doc, tensors


def join_model(doc_text, tensors, version=1):
    if isinstance(doc_text, str):
        doc_text = doc_text.encode()
    body = b"CSMODEL\0" + struct.pack("<IQ", version, len(doc_text)) + doc_text + tensors
    return body + struct.pack("<I", zlib.crc32(body) & 0xFFFFFFFF)


def deep_json(levels, opener="[", closer="]"):
    return opener * levels + closer * levels


def flip_bytes(data, count, seed):
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(count):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


# ---- The classes --------------------------------------------------------------------------------


def build(root, base_model, base_checkpoint, base_onnx, quick):
    """All cases under `root`. base_*: legitimate files made by the CLI to mutate."""
    cases = []
    add = cases.append
    d = lambda *p: os.path.join(root, *p)  # noqa: E731
    model = open(base_model, "rb").read()
    checkpoint = open(base_checkpoint, "rb").read()
    onnx = open(base_onnx, "rb").read()

    # Legitimate controls: a correct success is part of the table.
    write_idx_folder(d("ok-idx"), idx_images(48), idx_labels(48))
    add(Case("control", "dataset", d("ok-idx"), "ok"))
    write_image_folder(d("ok-folder"))
    add(Case("control", "dataset", d("ok-folder"), "ok"))
    write(d("ok-cifar", "data_batch_1.bin"), cifar_batch(20))
    add(Case("control", "dataset", d("ok-cifar"), "ok"))
    add(Case("control", "model", base_model, "ok"))
    add(Case("control", "checkpoint", base_checkpoint, "ok"))
    add(Case("control", "onnx", base_onnx, "ok"))

    # truncated
    images = idx_images(48)
    write_idx_folder(d("trunc-idx-raw"), images[: len(images) // 2], idx_labels(48), gz=False)
    add(Case("truncated", "dataset", d("trunc-idx-raw")))
    gz = gzip.compress(images)
    write(d("trunc-idx-gz", "train-images-idx3-ubyte.gz"), gz[: len(gz) // 2])
    write(d("trunc-idx-gz", "train-labels-idx1-ubyte.gz"), gzip.compress(idx_labels(48)))
    add(Case("truncated", "dataset", d("trunc-idx-gz")))
    write(d("trunc-idx-gztrailer", "train-images-idx3-ubyte.gz"), gz[:-4])
    write(d("trunc-idx-gztrailer", "train-labels-idx1-ubyte.gz"), gzip.compress(idx_labels(48)))
    add(Case("truncated", "dataset", d("trunc-idx-gztrailer")))
    write(d("trunc-cifar", "data_batch_1.bin"), cifar_batch(20)[:-100])
    add(Case("truncated", "dataset", d("trunc-cifar")))
    write_image_folder(d("trunc-png-folder"))
    full = open(d("trunc-png-folder", "circle", "0.png"), "rb").read()
    write(d("trunc-png-folder", "circle", "0.png"), full[: len(full) // 3])
    add(Case("truncated", "dataset", d("trunc-png-folder"), "either", ["0.png"]))
    for pct in ([1, 50, 99] if quick else [1, 10, 25, 50, 75, 90, 99]):
        write(d(f"trunc-{pct}.csmodel"), model[: len(model) * pct // 100])
        add(Case("truncated", "model", d(f"trunc-{pct}.csmodel")))
    write(d("trunc-50.ckpt.csmodel"), checkpoint[: len(checkpoint) // 2])
    add(Case("truncated", "checkpoint", d("trunc-50.ckpt.csmodel")))
    write(d("trunc-50.onnx"), onnx[: len(onnx) // 2])
    add(Case("truncated", "onnx", d("trunc-50.onnx")))

    # oversized header: counts and sizes the bytes do not hold
    write_idx_folder(d("big-idx-count"), struct.pack(">IIII", 0x803, 0x7FFFFFFF, 28, 28) + bytes(784),
                     idx_labels(48), gz=False)
    add(Case("oversized header", "dataset", d("big-idx-count")))
    write_idx_folder(d("big-idx-dims"), struct.pack(">IIII", 0x803, 48, 65535, 65535) + bytes(784),
                     idx_labels(48), gz=False)
    add(Case("oversized header", "dataset", d("big-idx-dims")))
    write(d("big-json-length.csmodel"), model[:12] + struct.pack("<Q", 1 << 62) + model[20:])
    add(Case("oversized header", "model", d("big-json-length.csmodel")))

    # gzip bomb: the header announces ~10 GB of images; the stream inflates zeros
    bomb_header = struct.pack(">IIII", 0x803, 12_755_102, 28, 28)  # 12.7M x 784 bytes = 10 GB
    comp = zlib.compressobj(1, zlib.DEFLATED, 31)
    chunk = bytes(1 << 20)
    parts = [comp.compress(bomb_header)]
    for _ in range(64 if quick else 512):  # 64 MB (or 512 MB) of zeros, about 64 KB (512 KB) on disk
        parts.append(comp.compress(chunk))
    parts.append(comp.flush())
    write(d("gzip-bomb", "train-images-idx3-ubyte.gz"), b"".join(parts))
    write(d("gzip-bomb", "train-labels-idx1-ubyte.gz"), gzip.compress(idx_labels(48)))
    add(Case("gzip bomb", "dataset", d("gzip-bomb")))
    write(d("gzip-garbage", "train-images-idx3-ubyte.gz"), gz + b"GARBAGE" * 10)
    write(d("gzip-garbage", "train-labels-idx1-ubyte.gz"), gzip.compress(idx_labels(48)))
    add(Case("gzip bomb", "dataset", d("gzip-garbage")))
    write(d("gzip-corrupt", "train-images-idx3-ubyte.gz"), gz[:20] + bytes(b ^ 0x55 for b in gz[20:200]) + gz[200:])
    write(d("gzip-corrupt", "train-labels-idx1-ubyte.gz"), gzip.compress(idx_labels(48)))
    add(Case("gzip bomb", "dataset", d("gzip-corrupt")))

    # special files
    write_image_folder(d("fifo-folder"))
    os.mkfifo(d("fifo-folder", "circle", "pipe.png"))
    add(Case("special files", "dataset", d("fifo-folder"), "either", ["pipe.png"]))
    os.mkfifo(d("fifo.csmodel"))
    add(Case("special files", "model", d("fifo.csmodel")))
    os.makedirs(d("fifo-idx"))
    os.mkfifo(d("fifo-idx", "train-images-idx3-ubyte"))
    write(d("fifo-idx", "train-labels-idx1-ubyte"), idx_labels(48))
    add(Case("special files", "dataset", d("fifo-idx")))
    os.symlink("/dev/zero", d("zero.csmodel"))
    add(Case("special files", "model", d("zero.csmodel")))
    write_image_folder(d("zero-folder"))
    os.symlink("/dev/zero", d("zero-folder", "square", "zero.png"))
    add(Case("special files", "dataset", d("zero-folder"), "either", ["zero.png"]))
    os.makedirs(d("zero-idx"))
    os.symlink("/dev/zero", d("zero-idx", "train-images-idx3-ubyte"))
    write(d("zero-idx", "train-labels-idx1-ubyte"), idx_labels(48))
    add(Case("special files", "dataset", d("zero-idx")))
    os.symlink("loop-b.csmodel", d("loop-a.csmodel"))
    os.symlink("loop-a.csmodel", d("loop-b.csmodel"))
    add(Case("special files", "model", d("loop-a.csmodel")))
    write_image_folder(d("loop-folder"))
    os.symlink("b.png", d("loop-folder", "cross", "a.png"))
    os.symlink("a.png", d("loop-folder", "cross", "b.png"))
    os.symlink("..", d("loop-folder", "cross", "up"))  # a folder loop inside a class
    add(Case("special files", "dataset", d("loop-folder"), "either", ["a.png", "b.png"]))
    os.makedirs(d("dir.csmodel"))
    add(Case("special files", "model", d("dir.csmodel")))
    os.makedirs(d("dir-idx", "train-images-idx3-ubyte"))
    write(d("dir-idx", "train-labels-idx1-ubyte"), idx_labels(48))
    add(Case("special files", "dataset", d("dir-idx")))
    os.makedirs(d("dir-cifar", "data_batch_1.bin"))
    add(Case("special files", "dataset", d("dir-cifar")))
    write_image_folder(d("dir-image"))
    os.makedirs(d("dir-image", "circle", "folder.png"))
    add(Case("special files", "dataset", d("dir-image"), "either", ["folder.png"]))
    os.makedirs(d("dir.onnx"))
    add(Case("special files", "onnx", d("dir.onnx")))
    try:  # a character device of our own, where the file system allows it (root, no nodev)
        os.makedirs(d("chardev-folder"))
        write_image_folder(d("chardev-folder"))
        os.mknod(d("chardev-folder", "circle", "null.png"), stat.S_IFCHR | 0o666, os.makedev(1, 3))
        add(Case("special files", "dataset", d("chardev-folder"), "either", ["null.png"]))
    except OSError:
        pass

    # huge image headers: 100,000 x 100,000 declared, a few bytes there
    write_image_folder(d("huge-png-folder"))
    write(d("huge-png-folder", "circle", "huge.png"), png(100_000, 100_000, idat=zlib.compress(bytes(1000))))
    add(Case("huge image headers", "dataset", d("huge-png-folder"), "either", ["huge.png"]))
    write_image_folder(d("huge-bmp-folder"))
    write(d("huge-bmp-folder", "square", "huge.bmp"), bmp_header(100_000, 100_000) + bytes(3000))
    add(Case("huge image headers", "dataset", d("huge-bmp-folder"), "either", ["huge.bmp"]))
    write(d("huge.png"), png(100_000, 100_000, idat=zlib.compress(bytes(1000))))
    add(Case("huge image headers", "image", d("huge.png")))
    write(d("huge.bmp"), bmp_header(100_000, 100_000) + bytes(3000))
    add(Case("huge image headers", "image", d("huge.bmp")))

    # deep JSON (re-serialized with a valid checksum, so the parser sees it)
    doc, tensors = split_model(model)
    text = json.dumps(doc)
    for levels in ([100_000] if quick else [100_000, 1_000_000]):
        for key in ("history", "project"):
            crafted = text.replace(f'"{key}": ' + json.dumps(doc[key]), f'"{key}": ' + deep_json(levels), 1)
            write(d(f"deep-{key}-{levels}.csmodel"), join_model(crafted, tensors))
            add(Case("deep JSON", "model", d(f"deep-{key}-{levels}.csmodel")))
    write(d("deep.json"), ("{\"graph\":" + deep_json(100_000) + "}").encode())
    add(Case("deep JSON", "model", d("deep.json")))

    # flipped bytes: raw (the checksum catches them) and inside the description with a valid checksum
    flips = range(3) if quick else range(10)
    for seed in flips:
        write(d(f"flip-{seed}.csmodel"), flip_bytes(model, 4, seed))
        add(Case("flipped bytes", "model", d(f"flip-{seed}.csmodel")))
        flipped = flip_bytes(text.encode(), 2, seed)
        write(d(f"flip-json-{seed}.csmodel"), join_model(flipped, tensors))
        add(Case("flipped bytes", "model", d(f"flip-json-{seed}.csmodel"), "either"))
        write(d(f"flip-{seed}.onnx"), flip_bytes(onnx, 8, seed))
        add(Case("flipped bytes", "onnx", d(f"flip-{seed}.onnx"), "either"))
    write_idx_folder(d("flip-idx-magic"), b"\x00\x00\x0b\x03" + images[4:], idx_labels(48), gz=False)
    add(Case("flipped bytes", "dataset", d("flip-idx-magic")))
    rng = random.Random(3)
    write(d("random.onnx"), bytes(rng.randrange(256) for _ in range(4096)))
    add(Case("flipped bytes", "onnx", d("random.onnx")))

    # wrong types in the description
    for name, change in [
        ("graph-string", lambda j: j.__setitem__("graph", "not a graph")),
        ("tensors-object", lambda j: j.__setitem__("tensors", {"a": 1})),
        ("batch-string", lambda j: j["tensors"][0].__setitem__("batch", "two")),
        ("classnames-numbers", lambda j: j.__setitem__("class_names", [1, 2, 3])),
        ("preprocessing-null", lambda j: j.__setitem__("preprocessing", None)),
        ("history-number", lambda j: j.__setitem__("history", 7)),
        ("training-array", lambda j: j.__setitem__("training", [1, 2])),
    ]:
        j = json.loads(text)
        change(j)
        write(d(f"type-{name}.csmodel"), join_model(json.dumps(j), tensors))
        add(Case("wrong types", "model", d(f"type-{name}.csmodel"), "either"))
    write(d("not-json.csmodel"), join_model(b"\xff\xfe not json", tensors))
    add(Case("wrong types", "model", d("not-json.csmodel")))

    # absurd counts
    def crafted_tensor(name, **fields):
        j = json.loads(text)
        j["tensors"][0].update(fields)
        write(d(name), join_model(json.dumps(j), tensors))
        add(Case("absurd counts", "model", d(name)))

    crafted_tensor("count-huge.csmodel", count=1 << 40)
    crafted_tensor("dims-wrap.csmodel", batch=256, shape=[1 << 24, 1 << 24, 256], count=0)
    crafted_tensor("batch-huge.csmodel", batch=1 << 31)
    crafted_tensor("offset-huge.csmodel", offset=(1 << 64) - 1)
    j = json.loads(text)
    j["history"] = [{"epochs": [{"epoch": 2**31 - 1, "loss": 1.0, "accuracy": 0.5}]}]
    write(d("history-epoch-max.csmodel"), join_model(json.dumps(j), tensors))
    add(Case("absurd counts", "model", d("history-epoch-max.csmodel"), "either"))
    j = json.loads(text)
    j["preprocessing"]["channels"] = 3
    write(d("preprocessing-mismatch.csmodel"), join_model(json.dumps(j), tensors))
    add(Case("absurd counts", "model", d("preprocessing-mismatch.csmodel")))
    write(d("cifar-labels", "data_batch_1.bin"), b"".join(bytes([250]) + bytes(3072) for _ in range(10)))
    add(Case("absurd counts", "dataset", d("cifar-labels"), "either"))
    write_idx_folder(d("idx-label-count"), idx_images(48), idx_labels(47), gz=False)
    add(Case("absurd counts", "dataset", d("idx-label-count")))
    # checkpoint tensors of the wrong size (the best weights, when there are any; else the first)
    cdoc, ctensors = split_model(checkpoint)
    ctext = json.dumps(cdoc)
    best = [t for t in cdoc["tensors"] if t["name"].startswith("__best__/")] or cdoc["tensors"]
    cj = json.loads(ctext)
    target = next(t for t in cj["tensors"] if t["name"] == best[0]["name"])
    target["shape"], target["count"] = [1], 1
    write(d("ckpt-best-small.csmodel"), join_model(json.dumps(cj), ctensors))
    add(Case("absurd counts", "checkpoint", d("ckpt-best-small.csmodel")))
    j = json.loads(text)
    big = max(j["tensors"], key=lambda t: t["count"])
    big["shape"], big["count"] = [1], 1
    write(d("weights-small.csmodel"), join_model(json.dumps(j), tensors))
    add(Case("absurd counts", "model", d("weights-small.csmodel")))

    # non-UTF-8 class folder names: refused up front, naming the folder (with \xNN escapes), so a
    # class name that JSON cannot hold never reaches a finished run's save
    write_image_folder(d("non-utf8"), classes=("ok",))
    os.makedirs(os.fsdecode(os.fsencode(d("non-utf8")) + b"/caf\xe9\xff"))
    rngu = random.Random(3)
    for i in range(4):
        with open(os.fsencode(d("non-utf8")) + b"/caf\xe9\xff/%d.png" % i, "wb") as f:
            f.write(png(28, 28, rngu.randbytes(28 * 28)))
    add(Case("non-UTF-8 names", "dataset", d("non-utf8"), "error"))

    # sparse 8 GB files (no disk used)
    write_image_folder(d("sparse-folder"))
    sparse(d("sparse-folder", "circle", "big.png"), 8 << 30)
    add(Case("sparse 8 GB", "dataset", d("sparse-folder"), "either", ["big.png"]))
    sparse(d("sparse.csmodel"), 8 << 30)
    add(Case("sparse 8 GB", "model", d("sparse.csmodel")))
    os.makedirs(d("sparse-idx"))
    with open(d("sparse-idx", "train-images-idx3-ubyte"), "wb") as f:
        f.write(struct.pack(">IIII", 0x803, 10_956_549, 28, 28))
        f.truncate(8 << 30)
    write(d("sparse-idx", "train-labels-idx1-ubyte"), idx_labels(48))
    add(Case("sparse 8 GB", "dataset", d("sparse-idx")))
    sparse(d("sparse-cifar", "data_batch_1.bin"), 8 << 30)
    add(Case("sparse 8 GB", "dataset", d("sparse-cifar")))
    sparse(d("sparse.onnx"), 8 << 30)
    add(Case("sparse 8 GB", "onnx", d("sparse.onnx")))
    return cases
