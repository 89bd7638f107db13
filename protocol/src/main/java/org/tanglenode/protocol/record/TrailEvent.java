package org.tanglenode.protocol.record;

import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.tanglenode.protocol.Tag;

/**
 * One event in the trail of a shipment, procurement or disbursement, recorded under the trail's tag
 * ({@link #tagOf}) so the whole trail reads back in order.
 *
 * @param trail the trail's id, such as {@code shipment-4711}
 * @param event what happened, such as {@code dispatched}
 * @param documents documents the event refers to, by hash
 * @param fields public fields, by name
 * @param commitments private fields by name, each a {@link FieldCommitment} (32 bytes)
 */
public record TrailEvent(
    String trail,
    String event,
    List<DocumentHash> documents,
    SortedMap<String, String> fields,
    SortedMap<String, byte[]> commitments)
    implements Record {

  public static final String TYPE = "event";
  public static final String TAG_PREFIX = "trail:";
  public static final int MAX_TRAIL_CHARS = 58;
  public static final int MAX_EVENT_CHARS = 64;
  public static final int MAX_FIELD_NAME_CHARS = 32;
  public static final int MAX_DOCUMENTS = 8;
  public static final int MAX_FIELDS = 16;

  private static final Pattern TRAIL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,57}");
  private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_.-]{0,31}");

  public TrailEvent {
    if (trail == null || !TRAIL.matcher(trail).matches()) {
      throw new IllegalArgumentException(
          "trail: 1 to "
              + MAX_TRAIL_CHARS
              + " characters of A-Z, a-z, 0-9, '.', '_', ':', '/' or '-', starting with a"
              + " letter or digit");
    }
    Records.checkText(event, "event", MAX_EVENT_CHARS);
    documents = List.copyOf(documents);
    if (documents.size() > MAX_DOCUMENTS) {
      throw new IllegalArgumentException("docs: at most " + MAX_DOCUMENTS + " documents");
    }
    fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
    TreeMap<String, byte[]> copied = new TreeMap<>();
    commitments.forEach((name, commitment) -> copied.put(name, commitment.clone()));
    commitments = Collections.unmodifiableSortedMap(copied);
    if (fields.size() + commitments.size() > MAX_FIELDS) {
      throw new IllegalArgumentException(
          "fields: at most " + MAX_FIELDS + " public and private fields together");
    }
    for (Map.Entry<String, String> field : fields.entrySet()) {
      checkFieldName(field.getKey());
      Records.checkText(field.getValue(), "fields." + field.getKey(), Records.MAX_TEXT_CHARS);
    }
    for (Map.Entry<String, byte[]> commitment : commitments.entrySet()) {
      checkFieldName(commitment.getKey());
      if (fields.containsKey(commitment.getKey())) {
        throw new IllegalArgumentException(
            commitment.getKey() + ": a field is either public or private, not both");
      }
      if (commitment.getValue().length != 32) {
        throw new IllegalArgumentException("private." + commitment.getKey() + ": 32 bytes");
      }
    }
  }

  /** The tag every event of {@code trail} is recorded under: {@code trail:} and the id. */
  public static Tag tagOf(String trail) {
    if (trail == null || !TRAIL.matcher(trail).matches()) {
      throw new IllegalArgumentException("not a trail id: " + trail);
    }
    return Tag.of(TAG_PREFIX + trail);
  }

  @Override
  public String type() {
    return TYPE;
  }

  /**
   * Whether {@code value} with {@code salt} opens this event's commitment for field {@code name}.
   */
  public boolean opens(String name, byte[] salt, String value) {
    byte[] commitment = commitments.get(name);
    return commitment != null && FieldCommitment.opens(commitment, salt, name, value);
  }

  private static void checkFieldName(String name) {
    if (name == null || !FIELD_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "field name "
              + name
              + ": 1 to "
              + MAX_FIELD_NAME_CHARS
              + " of a-z, 0-9, '_', '.', '-'"
              + ", starting with a letter");
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TrailEvent other)) {
      return false;
    }
    if (!trail.equals(other.trail)
        || !event.equals(other.event)
        || !documents.equals(other.documents)
        || !fields.equals(other.fields)
        || !commitments.keySet().equals(other.commitments.keySet())) {
      return false;
    }
    return commitments.entrySet().stream()
        .allMatch(e -> Arrays.equals(e.getValue(), other.commitments.get(e.getKey())));
  }

  @Override
  public int hashCode() {
    return Objects.hash(trail, event, documents, fields, commitments.keySet());
  }

  @Override
  public String toString() {
    StringBuilder hidden = new StringBuilder();
    commitments.forEach(
        (name, c) ->
            hidden.append(name).append('=').append(HexFormat.of().formatHex(c)).append(' '));
    return "TrailEvent["
        + trail
        + " "
        + event
        + " docs="
        + documents
        + " fields="
        + fields
        + " private="
        + hidden.toString().strip()
        + "]";
  }
}
