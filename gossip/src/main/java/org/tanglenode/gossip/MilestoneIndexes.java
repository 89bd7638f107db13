package org.tanglenode.gossip;

/**
 * The node's milestones: the highest index it knows, and the highest up to which it is solid (it
 * has that milestone and every milestone before it with their whole past cones). 0 means none.
 */
public record MilestoneIndexes(int latest, int solid) {

  public static final MilestoneIndexes NONE = new MilestoneIndexes(0, 0);

  public MilestoneIndexes {
    if (latest < 0 || solid < 0 || solid > latest) {
      throw new IllegalArgumentException(
          "need 0 <= solid <= latest, not solid " + solid + ", latest " + latest);
    }
  }
}
