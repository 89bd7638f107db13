package org.tanglenode.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.record.FieldCommitment;

/**
 * The caller's own file of salts of private fields: one JSON object per line, {@code {"trail",
 * "tx", "field", "salt"}}, appended by {@code tangle trail append --salts} and read by {@code
 * tangle trail prove --salts}. Created with mode 0600; it never goes to a node. Whoever holds a
 * salt can confirm a guessed value, so the file is as private as the values themselves.
 */
final class SaltFile {

  /** One salt: of field {@code field} of the event in transaction {@code tx} of {@code trail}. */
  record Entry(String trail, TransactionId tx, String field, byte[] salt) {

    Entry {
      if (salt.length != FieldCommitment.SALT_BYTES) {
        throw new IllegalArgumentException("a salt has " + FieldCommitment.SALT_BYTES + " bytes");
      }
      salt = salt.clone();
    }

    @Override
    public byte[] salt() {
      return salt.clone();
    }
  }

  private static final HexFormat HEX = HexFormat.of();

  private final Path file;
  private final ObjectMapper json = new ObjectMapper();

  SaltFile(Path file) {
    this.file = file;
  }

  /** Appends {@code entries}, creating the file with mode 0600 if it does not exist. */
  void append(List<Entry> entries) {
    StringBuilder lines = new StringBuilder();
    for (Entry entry : entries) {
      Map<String, String> line = new LinkedHashMap<>();
      line.put("trail", entry.trail());
      line.put("tx", entry.tx().toHex());
      line.put("field", entry.field());
      line.put("salt", HEX.formatHex(entry.salt));
      lines.append(json.valueToTree(line).toString()).append('\n');
    }
    try {
      try {
        Files.createFile(file, ownerOnly());
      } catch (FileAlreadyExistsException e) {
        refuseIfReadableByOthers();
      }
      Files.writeString(
          file, lines, StandardCharsets.UTF_8, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new CommandFailedException("cannot write the salts to " + file + ": " + e, e);
    }
  }

  /** The salt kept for field {@code field} of transaction {@code tx}, if the file has it. */
  Optional<byte[]> find(TransactionId tx, String field) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CommandFailedException("cannot read the salts file " + file + ": " + e, e);
    }
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode entry;
      try {
        entry = json.readTree(line);
      } catch (IOException e) {
        throw new CommandFailedException("the salts file " + file + " has a line that is not JSON");
      }
      if (entry.path("tx").asText().equals(tx.toHex())
          && entry.path("field").asText().equals(field)) {
        try {
          return Optional.of(HEX.parseHex(entry.path("salt").asText()));
        } catch (IllegalArgumentException e) {
          throw new CommandFailedException(
              "the salts file " + file + " has a salt that is not hex");
        }
      }
    }
    return Optional.empty();
  }

  /** Salts must not be appended to a file that others can read: they would learn them too. */
  private void refuseIfReadableByOthers() throws IOException {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    if (permissions.contains(PosixFilePermission.GROUP_READ)
        || permissions.contains(PosixFilePermission.OTHERS_READ)) {
      throw new CommandFailedException(
          "the salts file "
              + file
              + " can be read by others ("
              + PosixFilePermissions.toString(permissions)
              + "); make it private first: chmod 600 "
              + file);
    }
  }

  private static FileAttribute<?>[] ownerOnly() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        }
        : new FileAttribute<?>[0];
  }
}
