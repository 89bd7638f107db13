package org.tanglenode.storage;

/**
 * Why a transaction referenced by a milestone changed no balance. Each constant has a stable code
 * written into the metadata column; codes are never reused.
 */
public enum ConflictState {
  NONE(0),
  INPUT_ALREADY_SPENT(1),
  INPUT_NOT_FOUND(2),
  AMOUNTS_DO_NOT_BALANCE(3),
  UNLOCK_INVALID(4),
  TIMELOCKED(5);

  private final int code;

  ConflictState(int code) {
    this.code = code;
  }

  /** The stable byte stored for this state. */
  public int code() {
    return code;
  }

  /** The state with stable code {@code code}. */
  public static ConflictState ofCode(int code) {
    for (ConflictState state : values()) {
      if (state.code == code) {
        return state;
      }
    }
    throw new IllegalArgumentException("no conflict state has code " + code);
  }
}
