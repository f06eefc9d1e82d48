# ---- Data: the layouts ConvStudio reads (generated; numpy only) ----------------------------
# * a folder with train-images*-ubyte[.gz] + train-labels*-ubyte[.gz] (and optionally
#   t10k-images*/t10k-labels* as the test set): IDX files, plain or gzip-compressed;
# * a folder of image folders, one sub-folder per class (optionally below train/ val/ test/),
#   with an optional classes.txt giving the label order.
# Images are uint8 arrays (N, H, W, C), channels RGB for colour.
import gzip
import os
import re
import struct
import zlib

import numpy as np


def _open(path):
    return gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")


def read_idx(path):
    with _open(path) as f:
        data = f.read()
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] != 8:
        raise ValueError(f"{path}: not an unsigned-byte IDX file")
    ndim = data[3]
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    count = int(np.prod(dims))
    if len(data) < 4 + 4 * ndim + count:
        raise ValueError(f"{path}: truncated ({len(data)} bytes for shape {dims})")
    return np.frombuffer(data, dtype=np.uint8, count=count, offset=4 + 4 * ndim).reshape(dims).copy()


def _find(folder, prefix):
    names = sorted(n for n in os.listdir(folder) if n.startswith(prefix) and "ubyte" in n)
    return os.path.join(folder, names[0]) if names else None


def _natural_key(text):
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", text)]


def _decode_png(data):
    """8-bit, non-interlaced PNG (gray, RGB, with or without alpha) without Pillow or OpenCV."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file (install Pillow or OpenCV for other formats)")
    pos, idat, header = 8, b"", None
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        elif kind == b"IEND":
            break
    if header is None:
        raise ValueError("PNG without header")
    width, height, depth, color, _, _, interlace = header
    if depth != 8 or interlace != 0 or color not in (0, 2, 4, 6):
        raise ValueError("unsupported PNG (only 8-bit, non-interlaced; install Pillow or OpenCV)")
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[color]
    raw = zlib.decompress(idat)
    stride = width * channels
    out = np.zeros((height, stride), dtype=np.uint8)
    prev = np.zeros(stride, dtype=np.int32)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        cur = np.frombuffer(raw, dtype=np.uint8, count=stride, offset=y * (stride + 1) + 1).astype(np.int32)
        if kind == 2:
            cur = (cur + prev) & 255
        elif kind in (1, 3, 4):
            for i in range(stride):
                a = cur[i - channels] if i >= channels else 0
                b = prev[i]
                if kind == 1:
                    pred = a
                elif kind == 3:
                    pred = (a + b) >> 1
                else:
                    c = prev[i - channels] if i >= channels else 0
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                cur[i] = (cur[i] + pred) & 255
        elif kind != 0:
            raise ValueError("corrupt PNG (bad filter)")
        out[y] = cur
        prev = cur
    image = out.reshape(height, width, channels)
    return image[:, :, :1] if channels == 2 else image[:, :, :3] if channels == 4 else image


def _resize_area(image, height, width):
    """Box-filter resize (like OpenCV's INTER_AREA for shrinking), numpy only."""
    h, w = image.shape[:2]
    if (h, w) == (height, width):
        return image
    ys = (np.arange(height + 1) * h / height).astype(int)
    xs = (np.arange(width + 1) * w / width).astype(int)
    f = image.astype(np.float32)
    out = np.empty((height, width, image.shape[2]), np.float32)
    for i in range(height):
        for j in range(width):
            out[i, j] = f[ys[i]:max(ys[i + 1], ys[i] + 1), xs[j]:max(xs[j + 1], xs[j] + 1)].mean(axis=(0, 1))
    return np.clip(np.rint(out), 0, 255).astype(np.uint8)


def read_image(path, height, width, channels):
    """One image file as uint8 (height, width, channels), gray or RGB, resized like ConvStudio."""
    try:
        from PIL import Image
        with Image.open(path) as im:
            im = im.convert("L" if channels == 1 else "RGB").resize((width, height), Image.BOX)
            return np.asarray(im, dtype=np.uint8).reshape(height, width, channels)
    except ImportError:
        pass
    try:
        import cv2
        image = cv2.imdecode(np.fromfile(path, dtype=np.uint8), cv2.IMREAD_COLOR)
        if image is None:
            raise ValueError(f"{path}: not a decodable image")
        image = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY if channels == 1 else cv2.COLOR_BGR2RGB)
        image = cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA)
        return image.reshape(height, width, channels)
    except ImportError:
        pass
    with open(path, "rb") as f:
        image = _decode_png(f.read())
    if channels == 1 and image.shape[2] == 3:
        image = np.rint(image @ np.array([0.299, 0.587, 0.114])).astype(np.uint8)[:, :, None]
    elif channels == 3 and image.shape[2] == 1:
        image = np.repeat(image, 3, axis=2)
    return _resize_area(image, height, width)


_IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".bmp", ".webp")
_SPLITS = {"train": "train", "training": "train", "val": "val", "valid": "val", "validation": "val",
           "test": "test", "testing": "test"}


def _safe_folder_name(name):
    out = "".join("_" if ch in "/\\" or ord(ch) < 32 else ch for ch in name)
    return "_" + out[1:] if out.startswith(".") else out


def _load_image_folders(root, height, width, channels):
    entries = sorted(e for e in os.listdir(root) if os.path.isdir(os.path.join(root, e)))
    split_dirs = {_SPLITS[e.lower()]: os.path.join(root, e) for e in entries if e.lower() in _SPLITS}
    if not split_dirs:
        split_dirs = {"train": root}
    class_names = sorted({c for d in split_dirs.values() for c in os.listdir(d)
                          if os.path.isdir(os.path.join(d, c))}, key=_natural_key)
    for listing in [os.path.join(root, "classes.txt")] + [os.path.join(d, "classes.txt") for d in split_dirs.values()]:
        if os.path.isfile(listing):
            with open(listing, encoding="utf-8") as f:
                listed = [line.strip() for line in f if line.strip()]
            if len(set(listed)) == len(listed):
                folders = [_safe_folder_name(n) for n in listed]
                class_names = folders + [c for c in class_names if c not in folders]
                display = listed + [c for c in class_names[len(listed):]]
                break
    else:
        display = list(class_names)
    result = {"classes": display}
    for split, folder in split_dirs.items():
        images, labels = [], []
        for label, name in enumerate(class_names):
            d = os.path.join(folder, name)
            if not os.path.isdir(d):
                continue
            for file in sorted(os.listdir(d), key=_natural_key):
                if file.lower().endswith(_IMAGE_EXTENSIONS):
                    try:
                        images.append(read_image(os.path.join(d, file), height, width, channels))
                        labels.append(label)
                    except (OSError, ValueError) as e:
                        print(f"skipped {os.path.join(d, file)}: {e}")
        if images:
            result[split] = (np.stack(images), np.array(labels, dtype=np.int64))
    if "train" not in result:
        raise ValueError(f"{root}: no readable images in class folders")
    return result


def load_dataset(path, height, width, channels):
    """{'train': (images, labels), 'test': ..., 'val': ..., 'classes': [...]} for a ConvStudio data folder."""
    if not os.path.isdir(path):
        raise ValueError(f"{path}: not a folder (IDX files or one image folder per class)")
    if _find(path, "train-images"):
        result = {}
        for split, prefix in (("train", "train"), ("test", "t10k")):
            images, labels = _find(path, prefix + "-images"), _find(path, prefix + "-labels")
            if images and labels:
                x, y = read_idx(images), read_idx(labels).astype(np.int64)
                if x.ndim == 3:
                    x = x[:, :, :, None]
                if len(x) != len(y):
                    raise ValueError(f"{images}: {len(x)} images but {len(y)} labels")
                result[split] = (x, y)
        result["classes"] = [str(i) for i in range(int(result["train"][1].max()) + 1)]
        x = result["train"][0]
        if x.shape[1:] != (height, width, channels):
            raise ValueError(f"{path}: images are {x.shape[1:]} but the model takes {(height, width, channels)}")
        return result
    return _load_image_folders(path, height, width, channels)


def preprocess(images, pre):
    """uint8 (N, H, W, C) -> float32 (N, H, W, C), exactly as ConvStudio's preprocessing."""
    x = images.astype(np.float32)
    if pre.get("invert", False):
        x = 255.0 - x
    x = x / 255.0
    if pre.get("scaling", "unit") == "standardize":
        c = x.shape[-1]
        x = (x - np.array(pre["mean"][:c], np.float32)) / np.array(pre["std"][:c], np.float32)
    return x.astype(np.float32)
