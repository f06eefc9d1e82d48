def balanced_class_weights(labels, classes):
    """ConvStudio's class balance 'weights': n / (classes present * count[c]) for each class c
    (0 for a class without training samples), as Keras's class_weight {class: weight}."""
    counts = np.bincount(labels, minlength=classes)[:classes]
    present = np.count_nonzero(counts)
    return {c: float(len(labels) / (present * n)) if n else 0.0 for c, n in enumerate(counts)}
