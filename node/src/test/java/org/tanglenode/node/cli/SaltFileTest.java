package org.tanglenode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.protocol.TransactionId;

/** The caller's salts file: owner-only, appended to, and searched by transaction and field. */
class SaltFileTest {

  @TempDir Path dir;

  private static byte[] salt(int n) {
    byte[] salt = new byte[32];
    java.util.Arrays.fill(salt, (byte) n);
    return salt;
  }

  private static TransactionId id(int n) {
    byte[] bytes = new byte[32];
    bytes[0] = (byte) n;
    return new TransactionId(bytes);
  }

  @Test
  void saltsAreAppendedToAnOwnerOnlyFileAndFoundByTransactionAndField() throws Exception {
    SaltFile file = new SaltFile(dir.resolve("salts.jsonl"));

    file.append(
        List.of(
            new SaltFile.Entry("t-1", id(1), "ref", salt(1)),
            new SaltFile.Entry("t-1", id(1), "amount", salt(2))));
    file.append(List.of(new SaltFile.Entry("t-1", id(2), "ref", salt(3))));

    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("salts.jsonl"))))
        .isEqualTo("rw-------");
    assertThat(Files.readAllLines(dir.resolve("salts.jsonl"))).hasSize(3);
    assertThat(file.find(id(1), "amount"))
        .hasValueSatisfying(s -> assertThat(s).isEqualTo(salt(2)));
    assertThat(file.find(id(2), "ref")).hasValueSatisfying(s -> assertThat(s).isEqualTo(salt(3)));
    assertThat(file.find(id(2), "amount")).isEmpty();
  }

  @Test
  void saltsAreNotAppendedToAFileOthersCanRead() throws Exception {
    Path shared = Files.writeString(dir.resolve("shared.jsonl"), "");
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(
            () ->
                new SaltFile(shared)
                    .append(List.of(new SaltFile.Entry("t-1", id(1), "ref", salt(1)))))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("can be read by others")
        .hasMessageContaining("chmod 600");
    assertThat(Files.readString(shared)).isEmpty();
  }
}
