package org.tanglenode.consensus.tipselection;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Which tip selector a node (or the simulator) uses, with its parameters.
 *
 * @param kind uniform random (the default) or the weighted walk
 * @param maxDepth for {@link Kind#UNIFORM}: tips whose oldest cone root lies more than this many
 *     milestones below the latest are not chosen; default {@value
 *     UniformRandomTipSelector#DEFAULT_MAX_DEPTH}
 * @param alpha for {@link Kind#WALK}: the bias towards heavier approvers, >= 0; default {@value
 *     WeightedWalkTipSelector#DEFAULT_ALPHA}
 * @param walkStartDepth for {@link Kind#WALK}: walks start this many milestones below the latest;
 *     default {@value WeightedWalkTipSelector#DEFAULT_START_DEPTH}
 */
public record TipSelectorConfig(Kind kind, int maxDepth, double alpha, int walkStartDepth) {

  /** The selectors there are. */
  public enum Kind {
    UNIFORM,
    WALK
  }

  public static final TipSelectorConfig DEFAULT =
      new TipSelectorConfig(
          Kind.UNIFORM,
          UniformRandomTipSelector.DEFAULT_MAX_DEPTH,
          WeightedWalkTipSelector.DEFAULT_ALPHA,
          WeightedWalkTipSelector.DEFAULT_START_DEPTH);

  public TipSelectorConfig {
    Objects.requireNonNull(kind, "kind");
    if (maxDepth < 0) {
      throw new IllegalArgumentException("maxDepth is >= 0, got " + maxDepth);
    }
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha is a finite number >= 0, got " + alpha);
    }
    if (walkStartDepth < 0) {
      throw new IllegalArgumentException("walkStartDepth is >= 0, got " + walkStartDepth);
    }
  }

  /** The default configuration with another kind. */
  public static TipSelectorConfig of(Kind kind) {
    return DEFAULT.withKind(kind);
  }

  public TipSelectorConfig withKind(Kind newKind) {
    return new TipSelectorConfig(newKind, maxDepth, alpha, walkStartDepth);
  }

  public TipSelectorConfig withAlpha(double newAlpha) {
    return new TipSelectorConfig(kind, maxDepth, newAlpha, walkStartDepth);
  }

  public TipSelectorConfig withMaxDepth(int newMaxDepth) {
    return new TipSelectorConfig(kind, newMaxDepth, alpha, walkStartDepth);
  }

  public TipSelectorConfig withWalkStartDepth(int newDepth) {
    return new TipSelectorConfig(kind, maxDepth, alpha, newDepth);
  }

  /**
   * A new selector over {@code view}, seeded with the view's current state; it must then hear of
   * every transaction attached to the view.
   */
  public TipSelector create(TangleView view, RandomGenerator random) {
    return switch (kind) {
      case UNIFORM -> UniformRandomTipSelector.over(view, maxDepth, random);
      case WALK -> WeightedWalkTipSelector.over(view, alpha, walkStartDepth, random);
    };
  }
}
