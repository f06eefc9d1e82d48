def oversampled_indices(labels, classes, rng):
    """One epoch of ConvStudio's class balance 'oversample': every sample of a class once, then
    random repeats until the class is as frequent as the largest one, all shuffled (so an epoch
    is largest class x classes present samples long)."""
    groups = [np.flatnonzero(labels == c) for c in range(classes)]
    largest = max(len(g) for g in groups)
    order = np.concatenate([np.concatenate([g, rng.choice(g, largest - len(g))]) for g in groups if len(g)])
    rng.shuffle(order)
    return order
