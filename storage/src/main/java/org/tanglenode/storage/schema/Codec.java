package org.tanglenode.storage.schema;

/**
 * Turns one key or value type into bytes and back. Decoding checks the exact length and throws
 * {@link CorruptValueException} for anything else, so damaged data is never silently misread.
 */
public interface Codec<T> {

  byte[] encode(T value);

  T decode(byte[] bytes);
}
